// Who did the task. Proposed from the card's members once a member is mapped to a VA; until then
// a one-click "this member is …" (an existing VA, or a new one made from the member).
import { t } from '@/lib/text/i18n';
import type { Assignee, Platform, Va } from '@/lib/model';
import { identityOf, unmappedMembers } from '@/lib/model/va-match';
import type { PanelApi } from '@/lib/content/panel-api';
import { Src } from './fields';

export function VaField(props: {
  vas: Va[]; value: string | null; src: boolean; members: Assignee[]; platform: Platform; api: PanelApi;
  onChange(vaId: string | null): void; onVa(va: Va): void; onError(message: string): void;
}) {
  const { vas, value, members, platform, api, onChange, onVa, onError } = props;
  const active = vas.filter((v) => !v.archived || v.id === value);
  const candidates = value === null ? unmappedMembers(vas, platform, members).slice(0, 3) : [];

  const done = (va: Va) => { onVa(va); onChange(va.id); };
  const fail = (e: unknown) => onError(e instanceof Error ? e.message : String(e));
  const map = (va: Va, member: Assignee) => api.mapIdentity(va.id, identityOf(platform, member)).then(done, fail);
  const create = (member: Assignee) => api.createVa(member.name, identityOf(platform, member)).then(done, fail);

  return (
    <div class="field">
      <label for="vasc-vaId">{t('panel_va')}</label>
      <select id="vasc-vaId" name="vaId" value={value ?? ''} class={props.src ? 'proposed' : undefined}
        aria-describedby={props.src ? 'vasc-vaId-src' : undefined} onChange={(e) => onChange(e.currentTarget.value || null)}>
        <option value="">{t('panel_vaNone')}</option>
        {active.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
      </select>
      {props.src && <Src id="vasc-vaId" />}
      {candidates.map((member) => (
        <div class="map" key={member.name}>
          <span>{t('panel_memberIs', member.name)}</span>
          {active.map((v) => <button type="button" key={v.id} onClick={() => map(v, member)}>{v.name}</button>)}
          <button type="button" onClick={() => create(member)}>{t('panel_memberNewVa')}</button>
        </div>
      ))}
    </div>
  );
}
