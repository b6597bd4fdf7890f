import { useSignal } from '@preact/signals';
import type { LimitProfile, Settings } from '../core/types';
import { IdentityRulesEditor } from './IdentityRulesEditor';
import { formOf, NUMBER_FIELDS, settingsOf, type NumericKey, type SettingsForm } from './settingsForm';

interface Props {
  initial: Settings;
  save: (settings: Settings) => Promise<Settings>;
  reset: () => Promise<Settings>;
}

const PROFILES: ReadonlyArray<{ id: LimitProfile; label: string }> = [
  { id: 'development', label: 'Development: 3 per user (Stream’s limit for development apps)' },
  { id: 'production', label: 'Production: 50 per user' },
  { id: 'custom', label: 'Custom' },
];

/** The settings page: every threshold, what is recorded and shown, and which sites. */
export function OptionsApp({ initial, save, reset }: Props) {
  const form = useSignal<SettingsForm>(formOf(initial));
  const errors = useSignal<Partial<Record<NumericKey, string>>>({});
  const status = useSignal('');
  const values = form.value;
  const set = (changes: Partial<SettingsForm>): void => {
    form.value = { ...form.value, ...changes };
    status.value = '';
  };

  const numberInput = (key: NumericKey) => {
    const field = NUMBER_FIELDS[key];
    return (
      <div class="field">
        <label>
          <span class="label">{field.label}</span>
          <input type="number" inputMode="numeric" min={field.min} max={field.max} value={values[key]} onInput={(event) => set({ [key]: event.currentTarget.value })} aria-invalid={errors.value[key] ? true : undefined} />
          <span class="unit">{field.unit}</span>
        </label>
        <p class="help">{field.help}</p>
        {errors.value[key] ? <p class="field-error">{errors.value[key]}</p> : null}
      </div>
    );
  };

  const onSave = async (event: Event): Promise<void> => {
    event.preventDefault();
    const result = settingsOf(form.value);
    if (!result.ok) {
      errors.value = result.errors;
      status.value = 'Not saved: fix the fields marked below.';
      return;
    }
    errors.value = {};
    form.value = formOf(await save(result.settings));
    status.value = 'Saved. Open panels update at once; the sites to watch apply from the next page load.';
  };
  const onReset = async (): Promise<void> => {
    errors.value = {};
    form.value = formOf(await reset());
    status.value = 'Defaults restored.';
  };

  return (
    <form class="options" onSubmit={onSave}>
      <h1>OneSocket settings</h1>

      <fieldset>
        <legend>Connection limit (across all tabs)</legend>
        {PROFILES.map((profile) => (
          <label key={profile.id} class="radio">
            <input type="radio" name="limitProfile" value={profile.id} checked={values.limitProfile === profile.id} onChange={() => set({ limitProfile: profile.id })} />
            {profile.label}
          </label>
        ))}
        {values.limitProfile === 'custom' ? numberInput('customConnectionLimit') : null}
        <p class="help">connection-limit: a user’s sockets across every tab are counted against this limit; at the limit it is a warning, over it an error.</p>
      </fieldset>

      <fieldset>
        <legend>Rules</legend>
        {numberInput('graceWindowMs')}
        <div class="inline-fields">
          {numberInput('churnThreshold')}
          {numberInput('churnWindowMs')}
        </div>
        {numberInput('userObjectLimitBytes')}
      </fieldset>

      <fieldset>
        <legend>Integration checklist (Stream API calls)</legend>
        {numberInput('rateLimitHeadroomPercent')}
        <div class="inline-fields">
          {numberInput('queryRepeatCount')}
          {numberInput('queryRepeatWindowMs')}
        </div>
        {numberInput('queryChannelsMaxLimit')}
      </fieldset>

      <fieldset>
        <legend>Identity rules</legend>
        <p class="help">
          How OneSocket names a socket’s user, tried in order; the first that finds a user wins. Stream Chat is read built in (switch it off, it cannot be removed); add a rule for
          another SDK.
        </p>
        <IdentityRulesEditor rules={values.identityRules} onChange={(identityRules) => set({ identityRules })} />
      </fieldset>

      <fieldset>
        <legend>Privacy</legend>
        <label class="check">
          <input type="checkbox" checked={values.redact} onChange={(event) => set({ redact: event.currentTarget.checked })} />
          Redact secrets (tokens, keys, passwords, JWT signatures) on screen and in exports
        </label>
        <p class="help">On: query values such as authorization, token and key, and every JWT signature, show as [REDACTED] in the panel and in exported reports. JWT claims stay readable.</p>
        {values.redact ? null : (
          <p class="warning" role="alert">
            Redaction is off: tokens will be shown in the panel and written into exported reports. Do not attach such a report to a public bug.
          </p>
        )}
      </fieldset>

      <fieldset>
        <legend>Frames</legend>
        <label class="check">
          <input type="checkbox" checked={values.captureFrames} onChange={(event) => set({ captureFrames: event.currentTarget.checked })} />
          Capture frame contents (counts and sizes are kept either way)
        </label>
        <p class="help">Off: the Frames view stays empty and chat text never reaches the extension; identity is still read from the first frames.</p>
        {numberInput('framesPerSocket')}
        {numberInput('previewChars')}
        {numberInput('maxSocketsPerTab')}
      </fieldset>

      <fieldset>
        <legend>Sites to watch</legend>
        <label class="block">
          <span class="label">One per line; empty watches every site</span>
          <textarea rows={4} value={values.watchedSites} placeholder={'localhost:3000\n*.example.com\nhttps://app.example.com/chat'} onInput={(event) => set({ watchedSites: event.currentTarget.value })} />
        </label>
        <p class="help">A host, a host:port, *.domain (with its subdomains) or a URL prefix. Other sites get nothing injected; a chat in an iframe from another host needs that host too. Changes apply from the next page load.</p>
      </fieldset>

      <div class="actions">
        <button type="submit">Save settings</button>
        <button type="button" onClick={onReset}>
          Restore defaults
        </button>
        <span role="status" class="status">
          {status.value}
        </span>
      </div>
    </form>
  );
}
