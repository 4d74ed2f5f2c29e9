/** @module Default pack, pii_leak: personal data in clear, and asking for secrets (C3 data). */
import type { RuleInput } from './rule-input.ts';

const SECRET_NEGATIONS_ZH = ['不会', '不要', '请勿', '切勿', '别', '不能', '绝不', '从不', '不得', '不用'];
const SECRET_NEGATIONS_EN = ['never', "don't", 'do not', "won't", 'will not', 'not', 'no one', 'nobody'];

export const PII_RULES: RuleInput[] = [
  {
    id: 'pii.in-clear',
    category: 'pii_leak',
    lang: 'any',
    matcher: {
      kind: 'scorer',
      scorer: 'pii',
      types: ['PHONE', 'EMAIL', 'CN_ID', 'BANK_CARD', 'PASSPORT', 'US_SSN', 'ADDRESS'],
      minScore: 0.5,
    },
    severity: 'block',
    message: {
      zh: '草稿中有未脱敏的个人信息（{detail}），发送前请脱敏',
      en: 'The draft shows personal data in clear ({detail}); mask it before sending',
    },
    rewrite: { zh: '使用脱敏后的写法', en: 'Use the masked form' },
  },
  {
    id: 'pii.ask-secret.zh',
    category: 'pii_leak',
    lang: 'zh',
    matcher: {
      kind: 'pattern',
      // Asking (verb … secret) or having it sent (secret … verb 给我), or "密码是多少".
      pattern:
        '(?:发|告诉|提供|报|给|说|拍)(?:给)?(?:我|我们|客服|一下|下)?[^。!?\\n]{0,12}?(?:验证码|校验码|动态码|密码|cvv|cvc|安全码|卡背|完整卡号|完整的卡号|银行卡号|有效期)|(?:验证码|校验码|动态码|密码|cvv|安全码|卡号|有效期)[^。!?\\n]{0,10}?(?:发|告诉|给|报|说)(?:给)?(?:我|客服|我们)|(?:密码|验证码|cvv)(?:是)?多少',
      flags: '',
      negations: SECRET_NEGATIONS_ZH,
      // Fraud warnings describe what others might ask for.
      exceptions: ['后四位', '后4位', '尾号', '索要', '自称', '冒充', '诈骗', '骗子', '任何人', '陌生人'],
    },
    severity: 'block',
    message: {
      zh: '客服不得索要密码、验证码、CVV 或完整卡号',
      en: 'Agents must never ask for passwords, codes, CVV or full card numbers',
    },
    rewrite: {
      zh: '请您在登录页点击“忘记密码”，用绑定手机接收验证码自行重置，请不要把验证码告诉任何人。',
      en: 'Please reset it yourself from the sign-in page with the code sent to your phone, and never share the code with anyone.',
    },
  },
  {
    id: 'pii.ask-secret.en',
    category: 'pii_leak',
    lang: 'en',
    matcher: {
      kind: 'pattern',
      pattern:
        "(?:send|give|tell|share|provide|reply with|paste|confirm|read out|type|need|what(?:'s| is))(?: me| us)?(?: with)?[^.!?\\n]{0,30}?(?:password|passcode|\\bpin\\b|verification code|sms code|security code|one-time code|\\botp\\b|\\bcvv\\b|\\bcvc\\b|code (?:we|you|i) (?:just )?(?:texted|sent|received|got)|code (?:on the back|you (?:just )?(?:got|received))|\\d-digit (?:sms )?code|full card number)",
      flags: '',
      negations: SECRET_NEGATIONS_EN,
      exceptions: [
        'last four',
        'last 4',
        'ending in',
        'reset page',
        'sign-in page',
        'login page',
        'in the app',
      ],
    },
    severity: 'block',
    message: {
      zh: '客服不得索要密码、验证码、CVV 或完整卡号',
      en: 'Agents must never ask for passwords, codes, CVV or full card numbers',
    },
    rewrite: {
      zh: '请您在登录页点击“忘记密码”，用绑定手机接收验证码自行重置，请不要把验证码告诉任何人。',
      en: 'Please reset it yourself from the sign-in page with the code sent to your phone, and never share the code with anyone.',
    },
  },
];
