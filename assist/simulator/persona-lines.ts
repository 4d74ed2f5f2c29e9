/**
 * @module The bot customer's words: templates per language, temperament and mood band, picked
 * with the session's seeded random source so a replay says exactly the same thing. Facts come
 * from the card; these lines only carry tone and the nudges towards what is still missing.
 */
import type { Temperament } from './card.ts';
import type { Lang } from './sop.ts';

export type MoodBand = 'calm' | 'tense' | 'upset' | 'furious';

export function moodBand(mood: number): MoodBand {
  return mood >= 85 ? 'furious' : mood >= 65 ? 'upset' : mood >= 35 ? 'tense' : 'calm';
}

type Bank = Record<Lang, readonly string[]>;

const PREFIX: Record<MoodBand, Bank> = {
  calm: { zh: ['好的。', '嗯嗯。', ''], en: ['OK.', 'Sure.', ''] },
  tense: { zh: ['嗯……', '好吧。', '那个，'], en: ['Hmm.', 'Right.', 'Well,'] },
  upset: {
    zh: ['你们到底能不能处理？', '我已经很不耐烦了。', '能不能快点？'],
    en: ['This is taking far too long.', "I'm losing patience here.", 'Can we get on with it?'],
  },
  furious: {
    zh: ['我真的要投诉了！', '太离谱了！', '你们这是什么服务！'],
    en: ["I'm about to file a complaint!", 'This is ridiculous!', 'What kind of service is this?'],
  },
};

const TEMPER_TAIL: Record<Temperament, Bank> = {
  calm: { zh: [''], en: [''] },
  anxious: { zh: ['我有点担心……', '不会有问题吧？'], en: ["I'm a bit worried…", 'It will be OK, right?'] },
  angry: { zh: ['', '赶紧的。'], en: ['', 'Hurry up.'] },
  confused: { zh: ['我不太懂这些……', ''], en: ["I'm not very good with these things…", ''] },
  talkative: {
    zh: ['对了，我跟你说，这已经是我这个月第三次网购了哈哈。', '你们客服人还挺好的。', ''],
    en: [
      "By the way, it's my third online order this month, ha.",
      'You lot are usually lovely, you know.',
      '',
    ],
  },
};

export const LINES = {
  closingThanks: {
    zh: ['好的，明白了，谢谢你！', '行，清楚了，谢谢。'],
    en: ["Great, that's clear. Thanks for your help!", "OK, that's sorted then. Thank you."],
  },
  closingAngry: { zh: ['行吧，那就这样，谢谢。'], en: ['Fine. Thanks for sorting it.'] },
  left: {
    zh: ['算了，跟你说不清楚，我要投诉！'],
    en: ["Forget it. I'm done talking to you — I'll be filing a complaint."],
  },
  patience: {
    zh: ['我没时间再耗下去了，先这样吧。'],
    en: ["I can't keep going round in circles. I'll try another time."],
  },
  abused: {
    zh: ['你怎么能这样说话？我要投诉你。'],
    en: ["How dare you speak to me like that? I'm reporting this."],
  },
  traineeClosed: { zh: ['啊？我的问题还没解决呢……'], en: ["Wait — my problem isn't solved yet…"] },
  accepted: {
    zh: ['好，那你说话要算话。', '太好了，就这么办。'],
    en: ["Great, I'll hold you to that.", 'Perfect, let’s do that.'],
  },
  repeated: { zh: ['我刚才已经说过了，'], en: ['I already told you —'] },
  unclear: {
    zh: ['不好意思，你说得有点复杂，我没太听懂。'],
    en: ["Sorry, that's a bit complicated — I didn't quite follow."],
  },
  whatNow: {
    zh: ['那现在到底怎么处理？', '所以接下来怎么办？'],
    en: ['So what happens now?', 'So what are you going to do?'],
  },
  ok: { zh: ['好的，明白了。', '嗯，好。'], en: ['OK, got it.', 'Alright.'] },
  unsure: {
    zh: ['这个我不太清楚。', '嗯……这个我也不知道。'],
    en: ["I'm not sure about that.", "I don't know, sorry."],
  },
  stopped: { zh: ['……你还在吗？'], en: ['…Hello? Are you still there?'] },
} satisfies Record<string, Bank>;

export { PREFIX, TEMPER_TAIL };
