import { observeInterface as realObserveInterface } from '../../lib/recorder/observe-interface';

/**
 * `observeInterface`, or nothing at all on a bench page loaded with `?observations=off`:
 * part 1 plays the same script on such a page to measure, in the same run, what the
 * recorder costs without observations (how it was before they came).
 */
export const observeInterface: typeof realObserveInterface = (context, signal) =>
  new URLSearchParams(location.search).get('observations') === 'off'
    ? () => ({})
    : realObserveInterface(context, signal);
