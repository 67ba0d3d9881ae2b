// A property value of any length: long texts show their start and a 「显示全部」, and the full text
// wraps in a box of its own height, so a 1 MB value never lays out as one endless table line.
import { useState } from 'react';
import './durable-words-later.ts';
import { useWords } from './durable-words.ts';

export const SHORT_TEXT = 300;

export function LongText({ text }: { text: string }) {
  const { w } = useWords();
  const [all, setAll] = useState(false);
  if (text.length <= SHORT_TEXT) return <span className="prop-text">{text}</span>;
  return (
    <div className="long-text" data-testid="long-text">
      <div className={all ? 'prop-text full' : 'prop-text'}>
        {all ? text : `${text.slice(0, SHORT_TEXT)}…`}
      </div>
      <button className="link" data-testid="long-text-toggle" onClick={() => setAll(!all)}>
        {all ? w('showLess') : `${w('showAll')} (${text.length.toLocaleString()} ${w('chars')})`}
      </button>
    </div>
  );
}
