/** Interface texts of the dialogues pages in English, Korean and Japanese (same keys in all three). */
import type { MessagesOf } from '../../i18n/messages-en.ts';

const en = {
  page: {
    heading: 'Dialogues',
  },
};

const ko: MessagesOf<typeof en> = {
  page: {
    heading: '대화',
  },
};

const ja: MessagesOf<typeof en> = {
  page: {
    heading: '対話',
  },
};

export const dialoguesMessages = { en, ko, ja } as const;
