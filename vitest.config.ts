import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30000,
    // Messages are Chinese by default; tests read them in English unless they ask for Chinese
    // (test/cli/i18n-messages.test.ts), whatever the locale of the machine running them.
    env: { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', TAIZHANG_LANG: '' },
  },
});
