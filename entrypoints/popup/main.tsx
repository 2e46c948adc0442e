import { render } from 'preact';
import '../../components/ui.css';
import { Popup } from './Popup';

render(<Popup />, document.getElementById('app')!);
