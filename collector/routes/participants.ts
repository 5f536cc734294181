import { Hono } from 'hono';
import type { ErasureReceipt } from '../../lib/schema';
import type { AppDeps } from '../app';
import { authenticateParticipant } from '../http/authenticate-participant';

/** A participant erases their own data; the token says who, nothing else can. */
export function participantsRoutes(deps: Pick<AppDeps, 'store' | 'log'>) {
  const app = new Hono();
  app.delete('/me', async (c) => {
    const participant = await authenticateParticipant(deps.store, c.req.header('authorization'), {
      allowErased: true,
    });
    const erased = await deps.store.eraseParticipant(participant.id);
    deps.log?.(
      `erased participant ${participant.id}: ${erased.sessions} sessions, ${erased.events} events`,
    );
    const receipt: ErasureReceipt = {
      participant: participant.id,
      erasedAt: new Date().toISOString(),
      ...erased,
    };
    return c.json(receipt);
  });
  return app;
}
