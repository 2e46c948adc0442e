import { render } from 'preact';
import '../../components/ui.css';
import { JournalPage } from './JournalPage';

render(<JournalPage />, document.getElementById('app')!);
