import { render } from 'preact';
import { PopupView } from '../../components/PopupView';
import '../../components/styles.css';
import { usePopupData } from './use-popup-data';

function Popup() {
  return <PopupView {...usePopupData()} />;
}

const root = document.getElementById('app');
if (root) render(<Popup />, root);
