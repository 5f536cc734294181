import { render } from 'preact';
import { OptionsPage } from '../../components/OptionsPage';
import '../../components/styles.css';
import { useOptionsData } from './use-options-data';

function Options() {
  return <OptionsPage {...useOptionsData()} />;
}

const root = document.getElementById('app');
if (root) render(<Options />, root);
