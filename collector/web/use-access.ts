import { useEffect, useState } from 'preact/hooks';
import type { StudySummary } from '../../lib/schema';
import { CollectorRequestError, listStudies } from './api';
import { forgetToken, readToken, saveToken } from './token';

export type Access = {
  token: string | null;
  /** The studies this collector runs, once the token was accepted. */
  studies: StudySummary[] | null;
  tokenError: string | null;
  checking: boolean;
  /** Trouble other than the token (collector down). */
  error: string | null;
  submit(token: string): void;
  forget(): void;
  /** The collector refused the token on some call: ask for it again, saying why. */
  refuse(message: string): void;
};

/**
 * The token a person entered, checked by listing the studies (which any staff token may
 * do). Kept in sessionStorage; dropped as soon as the collector refuses it.
 */
export function useAccess(): Access {
  const [token, setToken] = useState<string | null>(readToken);
  const [studies, setStudies] = useState<StudySummary[] | null>(null);
  const [tokenError, setTokenError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refuse = (message: string) => {
    forgetToken();
    setToken(null);
    setStudies(null);
    setTokenError(message);
  };

  const check = async (candidate: string) => {
    setChecking(true);
    setError(null);
    try {
      const list = await listStudies(candidate);
      saveToken(candidate);
      setToken(candidate);
      setTokenError(null);
      setStudies(list.studies);
    } catch (failure) {
      if (
        failure instanceof CollectorRequestError &&
        (failure.status === 401 || failure.status === 403)
      ) {
        refuse(failure.message);
      } else {
        setError((failure as Error).message);
      }
    } finally {
      setChecking(false);
    }
  };

  // A token from earlier in this tab is checked once, as if just entered.
  useEffect(() => {
    if (token) void check(token);
  }, []);

  return {
    token: studies ? token : null,
    studies,
    tokenError,
    checking: checking || (token !== null && studies === null && error === null),
    error,
    submit: (candidate) => void check(candidate),
    forget: () => {
      forgetToken();
      setToken(null);
      setStudies(null);
      setTokenError(null);
    },
    refuse,
  };
}
