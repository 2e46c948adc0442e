/** The privacy page: PRIVACY.md itself (one text for the store listing and the extension), rendered as text. */
import { render } from 'preact';
import '../../components/ui.css';
import privacy from '../../PRIVACY.md?raw';
import { markdownBlocks } from './blocks';

function Privacy() {
  return (
    <main style={{ maxWidth: '760px', margin: '0 auto', padding: '16px' }}>
      {markdownBlocks(privacy).map((b, i) =>
        b.type === 'h1' ? <h1 key={i}>{b.text}</h1> : b.type === 'h2' ? <h2 key={i}>{b.text}</h2> : b.type === 'list' ? (
          <ul key={i}>{b.items.map((item, j) => <li key={j}>{item}</li>)}</ul>
        ) : (
          <p key={i}>{b.text}</p>
        ),
      )}
    </main>
  );
}

render(<Privacy />, document.getElementById('app')!);
