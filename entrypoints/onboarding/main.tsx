import { render } from 'preact';
import { OnboardingView } from '../../components/OnboardingView';
import '../../components/styles.css';
import { useOnboardingData } from './use-onboarding-data';

function Onboarding() {
  return <OnboardingView {...useOnboardingData()} />;
}

const root = document.getElementById('app');
if (root) render(<Onboarding />, root);
