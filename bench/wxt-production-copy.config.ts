import config from '../wxt.config';
import { OUT_DIR } from './paths';

/**
 * The production build, byte for byte, written beside the others instead of over
 * `.output/chrome-mv3`, so measuring its size never races a test run reading it.
 */
export default { ...config, outDir: `${OUT_DIR}/bench-production` };
