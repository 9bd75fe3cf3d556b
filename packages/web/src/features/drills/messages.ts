/** Interface texts of the drills pages in English, Korean and Japanese (same keys in all three). */
import type { MessagesOf } from '../../i18n/messages-en.ts';

const en = {
  page: {
    heading: 'Drills',
  },
};

const ko: MessagesOf<typeof en> = {
  page: {
    heading: '훈련',
  },
};

const ja: MessagesOf<typeof en> = {
  page: {
    heading: '訓練',
  },
};

export const drillsMessages = { en, ko, ja } as const;
