import { m001Settings } from './001_settings';
import type { Migration } from './types';

/** Forward-only, in order. Never edit a shipped migration: add the next one. */
export const MIGRATIONS: readonly Migration[] = [m001Settings];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
