import { render } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { App } from '../../renderer/app/App';
import type { Language } from '../../renderer/i18n/i18n';
import { createApiClient } from '../../renderer/lib/api-client';
import type { RendererTransport } from '../../renderer/lib/transport';

/** The whole renderer over a given transport, as main.tsx mounts it. */
export function renderApp(transport: RendererTransport, language: Language = 'en') {
  return render(
    <App client={createApiClient(transport)} language={language} storage={window.localStorage} />,
  );
}

/** Replaces a field's text the way a user pasting it would: quicker than typing a long one. */
export async function fill(user: UserEvent, field: HTMLElement, text: string): Promise<void> {
  await user.clear(field);
  await user.click(field);
  await user.paste(text);
}
