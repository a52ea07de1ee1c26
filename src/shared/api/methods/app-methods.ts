import { z } from 'zod';
import { defineMethod } from '../define-method';
import { appInfoSchema, demoLoadResultSchema } from '../schemas/app-schemas';
import { noInputSchema } from '../schemas/common';
import { appSettingsPatchSchema, appSettingsSchema } from '../schemas/settings-schemas';

export const appMethods = {
  'app.info': defineMethod(noInputSchema, appInfoSchema, 'Version, workspace location and first-run state.'),
  'app.completeOnboarding': defineMethod(
    z.object({ choice: z.enum(['demo', 'empty']) }).strict(),
    z.object({ demo: demoLoadResultSchema.nullable() }),
    'Records the first-run choice, loading the demo portfolio when asked.',
  ),
  'demo.load': defineMethod(noInputSchema, demoLoadResultSchema, 'Adds the built-in demo portfolio to this workspace.'),
  'settings.get': defineMethod(noInputSchema, appSettingsSchema, 'All settings with defaults filled in.'),
  'settings.update': defineMethod(appSettingsPatchSchema, appSettingsSchema, 'Changes some settings; returns them all.'),
};
