/**
 * @module Starting points for a new campaign in the page language: a customer-service question
 * with a full anchored 1–5 scale, a reference answer and a typing passage — edited, not typed
 * from nothing.
 */
import type { CampaignInput } from './model.ts';

type Template = Omit<CampaignInput, 'thresholds'>;

const ZH: Template = {
  name: '在线客服招聘',
  role: '在线客服',
  language: 'zh',
  typingLang: 'zh',
  typingPassage:
    '您好，很高兴为您服务。请您提供一下订单号，我马上为您查询物流信息，请稍等。给您带来的不便，我们深表歉意，感谢您的耐心等待。',
  typingSeconds: 120,
  mediaMode: 'video',
  groupField: null,
  status: 'open',
  questions: [
    {
      prompt: '客户说快递三天没有更新物流，很着急。请说说你会怎么回复和处理？',
      timeLimitSeconds: 120,
      reference:
        '先向客户致歉并安抚情绪，核实订单号，查询物流轨迹，联系快递公司催件，告知客户预计送达时间，并承诺持续跟进，如有丢件安排补发或退款。',
      weight: 1,
      rubric: [
        { level: 1, descriptor: '没有回应客户的问题', examples: ['我不知道，你自己去问快递吧。'] },
        { level: 2, descriptor: '只有敷衍的回复', examples: ['请您再等等，快递会到的。'] },
        {
          level: 3,
          descriptor: '安抚并查询，但没有后续',
          examples: ['很抱歉让您久等了，我帮您查一下物流。'],
        },
        {
          level: 4,
          descriptor: '致歉、核实、查询并催件',
          examples: ['非常抱歉给您带来不便，请提供订单号，我查询物流后联系快递公司为您催件。'],
        },
        {
          level: 5,
          descriptor: '完整处理并承诺跟进与补救',
          examples: [
            '非常抱歉让您着急了。请提供订单号，我马上查询物流轨迹并联系快递公司催件，告诉您预计送达时间，我会持续跟进，如果包裹丢失会为您补发或退款。',
          ],
        },
      ],
    },
  ],
};

const EN: Template = {
  name: 'Chat agents – spring intake',
  role: 'Chat agent',
  language: 'en',
  typingLang: 'en',
  typingPassage:
    'Thank you for contacting us. I am sorry your parcel is late. Please share your order number and I will check the tracking for you right away.',
  typingSeconds: 120,
  mediaMode: 'video',
  groupField: null,
  status: 'open',
  questions: [
    {
      prompt:
        'A customer says their parcel has not moved for three days and is upset. How do you reply, and what do you do?',
      timeLimitSeconds: 120,
      reference:
        'Apologise and calm the customer, confirm the order number, check the tracking, contact the courier to chase the parcel, give an expected delivery date, promise to follow up, and offer a resend or a refund if it is lost.',
      weight: 1,
      rubric: [
        {
          level: 1,
          descriptor: 'Does not address the problem',
          examples: ['I do not know, ask the courier yourself.'],
        },
        { level: 2, descriptor: 'A brush-off', examples: ['Please just wait a bit longer, it will come.'] },
        {
          level: 3,
          descriptor: 'Apologises and checks, no follow-up',
          examples: ['Sorry for the wait, let me check the tracking for you.'],
        },
        {
          level: 4,
          descriptor: 'Apologises, confirms the order, checks and chases the courier',
          examples: [
            'I am sorry for the trouble. Could you give me your order number? I will check the tracking and ask the courier to hurry.',
          ],
        },
        {
          level: 5,
          descriptor: 'Complete handling with follow-up and a remedy',
          examples: [
            'I am very sorry about the delay. Please share your order number; I will check the tracking, chase the courier and tell you the expected delivery date. I will follow up, and if the parcel is lost we will resend it or refund you.',
          ],
        },
      ],
    },
  ],
};

export const CAMPAIGN_TEMPLATES: Record<'zh' | 'en', Template> = { zh: ZH, en: EN };
