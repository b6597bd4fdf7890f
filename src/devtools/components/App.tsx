import { useComputed } from '@preact/signals';
import type { PanelModel } from '../model/panelModel';
import { BannersPart, ChecklistPart, ConnectionsPart, CrossTabPart, DetailPart, FindingsPart, SummaryPart, TimelinePart, ToolbarPart } from './PanelParts';

interface Props {
  model: PanelModel;
  tabId: number;
  toolVersion: string;
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
    <div class={`panel${withDetail.value ? ' with-detail' : ''}${imported ? ' is-imported' : ''}`}>
      <ToolbarPart model={model} toolVersion={toolVersion} />
      <BannersPart model={model} tabId={tabId} />
      <div class="workspace">
        <div class="main">
          <SummaryPart model={model} />
          <CrossTabPart model={model} tabId={tabId} />
          <FindingsPart model={model} />
          <ChecklistPart model={model} />
          <TimelinePart model={model} />
          <ConnectionsPart model={model} />
        </div>
        <DetailPart model={model} />
      </div>
    </div>
  );
}
