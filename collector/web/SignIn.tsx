import type { ComponentChildren } from 'preact';
import { AccessTokenForm } from '../../components/AccessTokenForm';
import { WebHeader } from '../../components/WebHeader';
import type { Access } from './use-access';

type Props = {
  page: 'dashboard' | 'annotate';
  title: string;
  access: Access;
  /** Which token the page takes and where to find it. */
  children: ComponentChildren;
};

/** The page as it stands before a token is accepted: the header and the token form. */
export function SignIn({ page, title, access, children }: Props) {
  return (
    <>
      <WebHeader page={page} />
      <main class="web-main narrow">
        {access.error && (
          <p class="error" role="alert">
            {access.error}
          </p>
        )}
        <AccessTokenForm
          title={title}
          error={access.tokenError}
          busy={access.checking}
          onSubmit={access.submit}
        >
          {children}
        </AccessTokenForm>
      </main>
    </>
  );
}
