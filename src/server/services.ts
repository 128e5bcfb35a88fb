import type { Config } from './config';
import type { Database } from '../db/connection';
import type { Mailer } from './mailer';

/** What a request handler may use. Built once at start-up; tests build their own. */
export interface Services {
  config: Config;
  database: Database;
  mailer: Mailer;
  clock: () => Date;
}
