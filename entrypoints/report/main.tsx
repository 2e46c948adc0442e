import { render } from 'preact';
import '../../components/ui.css';
import { ReportPage } from './ReportPage';

render(<ReportPage />, document.getElementById('app')!);
