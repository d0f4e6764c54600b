import type { AppContext } from '../../platform/context.js';

/** The demo county's contacts data, loaded after its cases (see load.ts). */
export async function loadDemoContacts(_ctx: AppContext): Promise<void> {}
