import './words-figures.ts';
import type { Selection } from '../state/store.ts';
import { copyLink } from './copy-link.ts';
import { useT } from './i18n-context.ts';
import { linkTo } from './link-view.ts';

/** 复制链接 beside the inspector: a link to the current view with this feature selected. */
export function CopyLinkButton({ selection }: { selection: Selection }) {
  const { t } = useT();
  return (
    <button
      className="link copy-link"
      data-testid="copy-feature-link"
      title={t('copyFeatureLink')}
      onClick={() => void copyLink(linkTo(selection))}
    >
      {t('copyLink')}
    </button>
  );
}
