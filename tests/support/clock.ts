import type { LaunchedExtension } from './extension';
import type { TestClockHook } from '../../entrypoints/background/test-clock';

declare const regularsTestClock: TestClockHook;

/** The extension's own clock (the demo build's background clock), in epoch ms. */
export const extensionNow = (ext: LaunchedExtension) => ext.serviceWorker.evaluate(() => regularsTestClock.now());

/**
 * Moves the extension's clock forward to `at`, so what falls due at a whole minute does so in a
 * moment: give it a little before the due time and the reminders' own alarm still has to fire.
 */
export const moveExtensionClock = (ext: LaunchedExtension, at: number) => ext.serviceWorker.evaluate((to) => regularsTestClock.moveTo(to), at);

/** How far before a due time the clock is moved: the alarm, not the move, brings the reminder due. */
export const BEFORE_DUE_MS = 1500;
