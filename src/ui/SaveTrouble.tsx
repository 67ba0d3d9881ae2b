// The save status's banners for a failed save (the reason and an export of the project, the only
// copy then) and for a project another tab owns (SaveStatus.tsx shows them): loaded when the page
// is idle at start, so the first page carries only the status words (issue 13, item 5).
import './durable-words-later.ts';
import { useState } from 'react';
import type { SaveState } from '../state/persist.ts';
import { store } from '../state/store.ts';
import { downloadProject } from './SaveStatus.tsx';
import { useWords } from './durable-words.ts';

function ExportButton({ testId, label }: { testId: string; label: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      data-testid={testId}
      disabled={busy}
      onClick={() => {
        const p = store.get().project;
        if (!p) return;
        setBusy(true);
        void downloadProject(p).finally(() => setBusy(false));
      }}
    >
      {label}
    </button>
  );
}

export function SaveTrouble({ save }: { save: Extract<SaveState, { state: 'failed' | 'readonly' }> }) {
  const { w, lang } = useWords();
  switch (save.state) {
    case 'failed':
      return (
        <span className="save-status failed" data-testid="save-status" data-state="failed" role="alert">
          <b>{w('saveFailed')}</b>
          <span data-testid="save-reason">
            {reasonText(save.name, save.message, lang)} {w('saveFailedHint')}
          </span>
          <ExportButton testId="save-export" label={w('exportProject')} />
        </span>
      );
    case 'readonly':
      return (
        <span className="save-status readonly" data-testid="save-status" data-state="readonly" role="status">
          <b>{w('readOnly')}</b>
          <span>{save.free ? w('readOnlyFree') : w('readOnlyHint')}</span>
          {save.free ? (
            <button data-testid="readonly-reload" onClick={() => location.reload()}>
              {w('reload')}
            </button>
          ) : (
            <ExportButton testId="readonly-export" label={w('exportProject')} />
          )}
        </span>
      );
  }
}

/** The storage error in words, with the browser's own name for it. */
export function reasonText(name: string, message: string, lang: 'zh' | 'en'): string {
  const known: Record<string, [string, string]> = {
    QuotaExceededError: ['浏览器给本站的存储空间已满', 'the storage this browser allows the site is full'],
    VersionError: [
      '存储中的项目由更新版本的 zonemap 保存，本版本不能写入',
      'the saved project was written by a newer zonemap, which this version cannot write',
    ],
    InvalidStateError: [
      '浏览器存储不可用（可能是隐私模式）',
      'browser storage is not available (private mode?)',
    ],
    UnknownError: ['浏览器存储出错', 'browser storage failed'],
    BlockedError: [
      '另一个标签页中的旧版 zonemap 占用着保存的项目，请关闭那个标签页后重新加载',
      'a tab of an older zonemap keeps the saved project open: close it, then reload',
    ],
  };
  const words = known[name];
  const head = words ? words[lang === 'zh' ? 0 : 1] : name;
  const detail = message.trim() ? `${name}: ${message.trim().slice(0, 200)}` : name;
  return `${head}（${detail}）`;
}
