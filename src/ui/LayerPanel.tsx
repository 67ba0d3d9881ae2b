import { useMemo } from 'react';
import type { ProjectLayer } from '../core/types.ts';
import { layerLegend } from '../map/legend.ts';
import { ROLE_ORDER, type LegendItem } from '../map/style.ts';
import { useAppState } from '../state/store.ts';
import {
  beginCapture,
  endCapture,
  removeLayer,
  renameLayer,
  setLayerOpacity,
  setLayerVisible,
} from '../state/edit.ts';
import { useT } from './i18n-context.ts';
import { layerTitle } from './layer-title.ts';

/** CSS stripes in the directions the map's hatch runs ('/' stripes come from a 135° gradient). */
function hatchSwatch(item: LegendItem): string {
  const stripes = (deg: number) =>
    `repeating-linear-gradient(${deg}deg, ${item.color} 0 2px, transparent 2px 5px)`;
  if (item.hatch === 'x') return `${stripes(135)}, ${stripes(45)}`;
  return stripes(item.hatch === '\\' ? 45 : 135);
}

function Swatch({ item }: { item: LegendItem }) {
  const style: React.CSSProperties =
    item.shape === 'fill'
      ? { background: item.color }
      : item.shape === 'hatch'
        ? { background: hatchSwatch(item), border: `1px solid ${item.color}` }
        : item.shape === 'dash'
          ? { borderTop: `3px dashed ${item.color}`, height: 0, marginTop: 6 }
          : { borderTop: `3px solid ${item.color}`, height: 0, marginTop: 6 };
  return <span className="swatch" style={style} />;
}

function Legend({ layer }: { layer: ProjectLayer }) {
  const { td } = useT();
  const items = useMemo(() => layerLegend(layer), [layer]);
  const shown = items.slice(0, 24);
  return (
    <ul className="legend">
      {shown.map((item) => (
        <li key={item.label}>
          <Swatch item={item} />
          <span>{td(item.label, item.label)}</span>
          {item.count !== undefined && <span className="muted"> ({item.count})</span>}
        </li>
      ))}
      {items.length > shown.length && <li className="muted">… +{items.length - shown.length}</li>}
    </ul>
  );
}

export function LayerPanel() {
  const { t, td } = useT();
  const project = useAppState((s) => s.project);
  const visibility = useAppState((s) => s.visibility);
  const opacity = useAppState((s) => s.opacity);
  if (!project) return null;
  const layers = [...project.layers].sort((a, b) => ROLE_ORDER[b.role] - ROLE_ORDER[a.role]);
  return (
    <section className="panel layer-panel" aria-label={t('layers')}>
      <h2>{t('layers')}</h2>
      {layers.map((layer) => {
        const visible = visibility[layer.id] ?? true;
        return (
          <div className="layer-row" key={layer.id} data-layer={layer.id}>
            <label className="layer-toggle">
              <input
                type="checkbox"
                checked={visible}
                onChange={(e) => setLayerVisible(layer.id, e.target.checked)}
              />
              <span className="layer-name">{layerTitle(layer, td)}</span>
              <span className="muted"> · {layer.features.length}</span>
            </label>
            <span className="layer-actions">
              <button
                className="link"
                title={t('renameLayer')}
                aria-label={t('renameLayer')}
                data-testid="layer-rename"
                onClick={() => {
                  const name = window.prompt(t('renameLayer'), layerTitle(layer, td));
                  if (name !== null) renameLayer(layer.id, name);
                }}
              >
                ✎
              </button>
              <button
                className="link"
                title={t('removeLayer')}
                aria-label={t('removeLayer')}
                data-testid="layer-remove"
                onClick={() => removeLayer(layer.id)}
              >
                ×
              </button>
            </span>
            {visible && (
              <>
                <label className="opacity">
                  <span>{t('opacity')}</span>
                  <input
                    type="range"
                    min={0}
                    max={1}
                    step={0.05}
                    value={opacity[layer.id] ?? 1}
                    // A drag of the slider is one history entry.
                    onPointerDown={beginCapture}
                    onPointerUp={endCapture}
                    onBlur={endCapture}
                    onChange={(e) => setLayerOpacity(layer.id, Number(e.target.value))}
                  />
                </label>
                <Legend layer={layer} />
              </>
            )}
          </div>
        );
      })}
    </section>
  );
}
