import { useComputed } from '@preact/signals';
import type { PanelModel } from '../model/panelModel';
import { BannersPart, ChecklistPart, ConnectionsPart, CrossTabPart, DetailPart, FindingsPart, SummaryPart, TimelinePart, ToolbarPart } from './PanelParts';
import { SplitView } from './ui/SplitView';

interface Props {
  model: PanelModel;
  tabId: number;
  toolVersion: string;
}

/**
 * Esc closes the detail wherever the focus is in the panel (a menu or a filled search box
 * takes its own Esc first), and puts the focus back on the row, so the arrows go on from it.
 */
function closeDetailOnEscape(event: KeyboardEvent, model: PanelModel): void {
  const id = model.selectedId.peek();
  if (event.key !== 'Escape' || event.defaultPrevented || id === null) return;
  const target = event.target as HTMLElement;
  if (target instanceof HTMLInputElement && target.type === 'search' && target.value !== '') return;
  event.preventDefault();
  model.select(null);
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`.connections tr[data-socket-id="${CSS.escape(id)}"]`)?.focus());
}

/**
 * The panel's layout. It reads only what the layout depends on (whether there is a tab yet, a
 * selection, an imported report); each part reads its own signals (PanelParts.tsx), so a
 * change or the clock's tick re-renders the parts that show it, not the whole panel.
 */
export function App({ model, tabId, toolVersion }: Props) {
  const ready = useComputed(() => model.settings.value !== null);
  const withDetail = useComputed(() => model.selected.value !== null);
  if (!ready.value) {
    return <p class="connecting">Connecting to OneSocket for tab {tabId}…</p>;
  }
  const imported = model.imported.value !== null;
  return (
    <div class={`panel${withDetail.value ? ' with-detail' : ''}${imported ? ' is-imported' : ''}`} onKeyDown={(event) => closeDetailOnEscape(event, model)}>
      <ToolbarPart model={model} toolVersion={toolVersion} />
      <BannersPart model={model} tabId={tabId} />
      <SplitView
        main={
          <div class="main">
            <SummaryPart model={model} />
            <CrossTabPart model={model} tabId={tabId} />
            <FindingsPart model={model} />
            <ChecklistPart model={model} />
            <TimelinePart model={model} />
            <ConnectionsPart model={model} />
          </div>
        }
        side={withDetail.value ? <DetailPart model={model} /> : null}
      />
    </div>
  );
}
