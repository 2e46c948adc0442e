import { render } from 'preact';
import '../../components/ui.css';
import { Options } from './Options';

render(<Options />, document.getElementById('app')!);
