// `npm start -- --team`: the team server (pouchdb-server, in memory, on loopback) with a team
// database and two agents, and two browser profiles side by side, "Agent A" and "Agent B", each
// connected as its own CouchDB user. A tag or note made in one window appears in the other.
import type { Page } from '@playwright/test';
import { setUpTeam } from '../lib/background/sync/setup';
import { startCouchServer } from '../tests/support/couch-server';
import { launchWithExtension, type LaunchedExtension } from '../tests/support/extension';
import { connect, openOptions, SYNCED, teamStatus } from '../tests/support/team';
import type { DemoServer } from './server';

export const TEAM_DB = 'shop';
export const AGENTS = [
  { label: 'Agent A', user: 'agent-a', password: 'agent-a-pw' },
  { label: 'Agent B', user: 'agent-b', password: 'agent-b-pw' },
] as const;

export interface TeamDemoHooks {
  headless: boolean;
  log(label: string, text: string): void;
  importDemoOrders(ext: LaunchedExtension, demoUrl: string): Promise<string>;
  openChat(page: Page, demo: DemoServer): Promise<void>;
}

export interface TeamDemo {
  agents: { label: string; ext: LaunchedExtension; chat: Page }[];
  stop(): Promise<void>;
}

export async function startTeamDemo(demo: DemoServer, hooks: TeamDemoHooks): Promise<TeamDemo> {
  const couch = await startCouchServer();
  const launched: LaunchedExtension[] = [];
  const stop = async () => {
    await Promise.all(launched.map((e) => e.close()));
    await couch.stop();
  };
  try {
    await setUpTeam({ server: couch.url, db: TEAM_DB, admin: couch.admin, members: AGENTS.map(({ user, password }) => ({ name: user, password })) });
    hooks.log('Team server', `${couch.url}/${TEAM_DB} (pouchdb-server in memory; admin ${couch.admin.name} / ${couch.admin.password})`);
    const agents: TeamDemo['agents'] = [];
    for (const [i, agent] of AGENTS.entries()) {
      // Profiles of their own each run: the team server starts empty each run too.
      const ext = await launchWithExtension({
        headless: hooks.headless,
        firstRun: { author: agent.label },
        viewport: hooks.headless ? { width: 1400, height: 900 } : null,
        extraArgs: hooks.headless ? [] : ['--window-size=960,900', `--window-position=${i * 960},0`],
        handleSignals: false,
      });
      launched.push(ext);
      // Agent A brings the shop's orders; Agent B joins the team afterwards and receives them.
      if (i === 0) hooks.log('Demo orders', (await hooks.importDemoOrders(ext, demo.url)).split('\n')[0]!.trim());
      const options = await openOptions(ext);
      await connect(options, { server: couch.url, db: TEAM_DB, user: agent.user, password: agent.password });
      await teamStatus(options).filter({ hasText: SYNCED }).waitFor({ timeout: 120_000 });
      hooks.log(agent.label, `signed in as ${agent.user} / ${agent.password}: ${await teamStatus(options).textContent()}`);
      const chat = await ext.context.newPage();
      await hooks.openChat(chat, demo);
      agents.push({ label: agent.label, ext, chat });
    }
    return { agents, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
