/** Interface texts of the exchanges pages in English, Korean and Japanese (same keys in all three). */
import type { MessagesOf } from '../../i18n/messages-en.ts';

const en = {
  page: {
    heading: 'Exchanges',
  },
};

const ko: MessagesOf<typeof en> = {
  page: {
    heading: '교류',
  },
};

const ja: MessagesOf<typeof en> = {
  page: {
    heading: '交流',
  },
};

export const exchangesMessages = { en, ko, ja } as const;
