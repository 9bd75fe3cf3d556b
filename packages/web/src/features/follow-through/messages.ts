/** Interface texts of the follow-through pages in English, Korean and Japanese (same keys in all three). */
import type { MessagesOf } from '../../i18n/messages-en.ts';

const en = {
  page: {
    heading: 'Follow-through',
  },
};

const ko: MessagesOf<typeof en> = {
  page: {
    heading: '이행 현황',
  },
};

const ja: MessagesOf<typeof en> = {
  page: {
    heading: '履行状況',
  },
};

export const followThroughMessages = { en, ko, ja } as const;
