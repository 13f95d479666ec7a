/** Validation messages in Chinese: the UI shows zod's messages to the user as they are. */
import { z } from 'zod';

z.config(z.locales.zhCN());
