/**
 * @module The demo tenant's scenario cards: 17 bilingual scenarios (34 cards) over the twelve
 * demo SOPs, with every temperament and difficulty 1–5. Every fact and every forbidden promise is
 * consistent with DEMO_POLICY (demo-knowledge.ts): e.g. a credit-card refund takes up to 7
 * business days, so promising it "today" is what the angry customer must not be given; the
 * frontline goodwill limit is ¥20, so offering ¥50 breaks the complaint card.
 */
import { defineCard, type ScenarioCard } from '../card.ts';
import { catalogue, DEMO_SIM_SOPS } from '../sop.ts';
import { type BilingualScenario, bilingual } from './bilingual.ts';

const DONE = [
  '已提交',
  '已经提交',
  '已为您',
  '已经为您',
  '已帮您',
  '已经帮您',
  'submitted',
  'processed',
  "i've",
  'i have',
  'has been',
  'is now',
];
const REFUSE = [
  '无法',
  '不能',
  '不支持',
  '不符合',
  '没办法',
  '不可以',
  'unable',
  'cannot',
  "can't",
  'not able',
  'not eligible',
  'not possible',
  "isn't possible",
  'no longer',
  'outside',
];

const SCENARIOS: BilingualScenario[] = [
  {
    id: 'refund-unshipped',
    sop: 'refund',
    skill: 'ecommerce.refund',
    difficulty: 1,
    temperament: 'calm',
    name: { zh: '陈女士', en: 'Emma Clarke' },
    title: { zh: '未发货订单取消退款', en: 'Cancel and refund an unshipped order' },
    goal: {
      zh: '你好，我昨天下的单还没发货，不想要了，能帮我取消退款吗？',
      en: "Hi, I ordered something yesterday and it hasn't shipped. I don't need it any more — can you cancel it and refund me?",
    },
    known: [
      { key: 'order_number', zh: '订单号是 2024052188341。', en: 'The order number is 2024052188341.' },
      { key: 'payment_method', zh: '我是用支付宝付的。', en: 'I paid with Alipay.' },
    ],
    hidden: [
      {
        key: 'found_cheaper',
        zh: '其实是在别家看到更便宜的了。',
        en: 'Honestly, I found it cheaper somewhere else.',
        revealWhen: ['原因', '为什么', '什么原因', 'why', 'reason', 'may i ask what'],
      },
    ],
    mustNotAccept: [
      {
        kind: 'fee',
        keywords: ['手续费', '取消费', '扣一部分', 'handling fee', 'cancellation fee', 'deduct a fee'],
        why: {
          zh: '未发货订单取消不收任何费用，全额退款。',
          en: 'Cancelling an unshipped order is free and fully refunded.',
        },
      },
    ],
    success: {
      stepsCovered: [
        'greet',
        'verify-order',
        'check-eligibility',
        'disclose-refund-time',
        'confirm-resolution',
      ],
      disclosures: ['refund_conditions', 'refund_amount', 'refund_time'],
      outcome: {
        kind: 'resolve',
        description: { zh: '订单已取消，全额退款已提交', en: 'Order cancelled and a full refund submitted' },
        cues: [['退款', '取消', 'refund', 'cancel'], DONE],
      },
    },
  },
  {
    id: 'refund-credit-card-late',
    sop: 'refund',
    skill: 'ecommerce.refund',
    difficulty: 3,
    temperament: 'angry',
    name: { zh: '赵先生', en: 'Mark Evans' },
    title: { zh: '退款迟迟未到账（信用卡）', en: 'Refund not received yet (credit card)' },
    goal: {
      zh: '我的退款申请都五天了，钱还没到！你们到底什么时候退？',
      en: "I asked for a refund five days ago and I still haven't got my money. When are you actually going to pay me back?",
    },
    known: [{ key: 'order_number', zh: '订单号 20240611093。', en: 'Order 20240611093.' }],
    hidden: [
      {
        key: 'paid_credit_card',
        zh: '我是用信用卡付的。',
        en: 'I paid by credit card.',
        revealWhen: [
          '支付方式',
          '付款方式',
          '怎么付',
          '用什么支付',
          '用什么付',
          '哪种方式',
          'how you paid',
          'how did you pay',
          'payment method',
          'paid with',
          'which card',
          'how it was paid',
          '什么方式',
          '用什么…支付',
          '用什么…付',
          'how … paid',
        ],
      },
    ],
    mustNotAccept: [
      {
        kind: 'promise',
        keywords: [
          '今天…到账',
          '明天…到账',
          '马上…到账',
          '立刻…到账',
          '加急',
          'arrive today',
          'by tomorrow',
          'in your account today',
          'expedite',
          'back today',
        ],
        why: {
          zh: '信用卡退款最长需要 7 个工作日，客服无法承诺更快到账。',
          en: 'Credit-card refunds take up to 7 business days; an agent cannot promise sooner.',
        },
      },
    ],
    success: {
      stepsCovered: ['verify-order', 'disclose-refund-time', 'confirm-resolution'],
      disclosures: ['refund_time'],
      reveal: ['paid_credit_card'],
      outcome: {
        kind: 'resolve',
        description: {
          zh: '确认退款已原路退回并说明到账时间',
          en: 'Refund confirmed as issued, with the arrival time explained',
        },
        cues: [
          [
            '已退款',
            '已经退款',
            '退款已',
            '已原路',
            '已经原路',
            'refund was issued',
            'refund has been',
            'refund was processed',
            'already refunded',
            'refund was sent',
            'refund is on its way',
          ],
        ],
      },
    },
  },
  {
    id: 'return-window-expired',
    sop: 'return',
    skill: 'ecommerce.returns',
    difficulty: 3,
    temperament: { zh: 'confused', en: 'calm' },
    name: { zh: '孙阿姨', en: 'Linda Park' },
    title: { zh: '超过 7 天的无理由退货', en: 'No-reason return after 7 days' },
    goal: {
      zh: '我买的鞋子不太喜欢，想退掉，怎么弄呀？',
      en: "I bought some shoes and I don't really like them. I'd like to return them.",
    },
    known: [
      { key: 'order_number', zh: '订单号是 2024050833120。', en: "It's order 2024050833120." },
      { key: 'delivery_date', zh: '10 天前收到的。', en: 'They arrived 10 days ago.' },
      { key: 'item_condition', zh: '穿过一次，吊牌还在。', en: 'I wore them once; the tags are still on.' },
    ],
    hidden: [
      {
        key: 'not_faulty',
        zh: '鞋子没有质量问题，就是不喜欢。',
        en: "There's nothing wrong with them, I just don't like them.",
        revealWhen: [
          '质量问题',
          '质量',
          '坏',
          '瑕疵',
          'faulty',
          'defect',
          'damaged',
          'wrong with',
          'quality',
        ],
      },
    ],
    mustNotAccept: [
      {
        kind: 'policy',
        keywords: [
          '可以退货',
          '给您退货',
          '为您办理退货',
          '帮您退掉',
          'accept the return',
          'process the return',
          'you can return',
          'we can take them back',
          'make an exception',
        ],
        why: {
          zh: '签收已超过 7 天且无质量问题，不支持无理由退货。',
          en: 'More than 7 days since delivery and not faulty: no no-reason return.',
        },
      },
    ],
    success: {
      stepsCovered: ['greet', 'verify-order', 'check-return-window'],
      disclosures: ['return_window'],
      reveal: ['not_faulty'],
      outcome: {
        kind: 'decline',
        description: {
          zh: '说明已超过 7 天无理由退货期，无法退货',
          en: 'Explains the 7-day no-reason window has passed, so no return',
        },
        cues: [REFUSE, ['退货', '退', 'return']],
      },
    },
  },
  {
    id: 'return-damaged-item',
    sop: 'return',
    skill: 'ecommerce.returns',
    difficulty: 2,
    temperament: 'anxious',
    name: { zh: '刘女士', en: 'Grace Hall' },
    title: { zh: '收到破损商品要退货', en: 'Returning an item that arrived broken' },
    goal: {
      zh: '我收到的杯子是裂的，我想退货，运费不会要我出吧？',
      en: "The mug I got arrived cracked. I want to return it — I won't have to pay the postage, will I?",
    },
    known: [
      { key: 'order_number', zh: '订单号 2024060218874。', en: 'Order number 2024060218874.' },
      { key: 'delivery_date', zh: '前天刚签收的。', en: 'It was delivered the day before yesterday.' },
      {
        key: 'item_condition',
        zh: '拆开就发现裂了，没用过。',
        en: 'It was cracked when I opened it; never used.',
      },
    ],
    hidden: [
      {
        key: 'has_photos',
        zh: '我拍了照片，可以发给你。',
        en: 'I took photos, I can send them.',
        revealWhen: ['照片', '图片', '拍', 'photo', 'picture'],
      },
    ],
    mustNotAccept: [
      {
        kind: 'fee',
        keywords: [
          '运费您来出',
          '您自己付运费',
          '运费得您自己出',
          '运费由您自己',
          'you have to pay the shipping',
          'you pay for the shipping yourself',
          'pay the postage yourself',
        ],
        why: {
          zh: '质量问题退货由商城承担运费并上门取件。',
          en: 'For a faulty item the shop pays the shipping and books a pickup.',
        },
      },
    ],
    success: {
      stepsCovered: [
        'greet',
        'verify-order',
        'check-return-window',
        'disclose-shipping-fee',
        'disclose-refund-time',
        'confirm-resolution',
      ],
      disclosures: ['shipping_fee_policy', 'refund_time'],
      outcome: {
        kind: 'resolve',
        description: {
          zh: '质量问题退货已受理，安排免费取件',
          en: 'Faulty-item return accepted with a free pickup',
        },
        cues: [
          ['退货', '取件', 'return', 'pickup'],
          [
            '审核通过',
            '已通过',
            '已安排',
            '已为您',
            '已经为您',
            '已提交',
            'approved',
            'booked',
            'arranged',
            'submitted',
            "i've",
          ],
        ],
      },
    },
  },
  {
    id: 'exchange-size',
    sop: 'exchange',
    skill: 'ecommerce.returns',
    difficulty: 1,
    temperament: 'talkative',
    name: { zh: '小周', en: 'Tom Baker' },
    title: { zh: '外套换大一码', en: 'Swap a jacket for a bigger size' },
    goal: {
      zh: '哈喽～我买的外套小了一码，能换成 L 码吗？',
      en: 'Hiya! The jacket I bought is a size too small — can I swap it for a large?',
    },
    known: [
      { key: 'order_number', zh: '订单号 3390217745。', en: 'Order 3390217745.' },
      { key: 'delivery_date', zh: '三天前到的。', en: 'It came three days ago.' },
      {
        key: 'item_condition',
        zh: '就试穿了一下，吊牌都在。',
        en: 'Only tried it on, tags still attached.',
        triggers: ['吊牌', '穿过', '未穿着', 'tags', 'worn', 'tried it on'],
      },
    ],
    hidden: [],
    mustNotAccept: [
      {
        kind: 'fee',
        keywords: [
          '运费全免',
          '运费都不用您出',
          '两边运费我们都出',
          'you pay nothing for shipping',
          "you won't pay any shipping",
          'we cover both ways',
        ],
        why: {
          zh: '尺码换货寄回运费由顾客承担。',
          en: 'For a size swap the customer pays to send the item back.',
        },
      },
    ],
    success: {
      stepsCovered: [
        'greet',
        'verify-order',
        'check-exchange-window',
        'disclose-shipping-fee',
        'disclose-replacement-time',
        'confirm-resolution',
      ],
      disclosures: ['exchange_window', 'shipping_fee_policy', 'replacement_time'],
      outcome: {
        kind: 'resolve',
        description: { zh: '换货单已创建', en: 'Exchange set up' },
        cues: [
          ['换货', '换', 'exchange', 'swap'],
          [
            '已创建',
            '创建好',
            '已为您',
            '已经为您',
            '已提交',
            'set up',
            'created',
            'arranged',
            'submitted',
            "i've",
          ],
        ],
      },
    },
  },
  {
    id: 'exchange-defect',
    sop: 'exchange',
    skill: 'ecommerce.returns',
    difficulty: 3,
    temperament: 'angry',
    name: { zh: '吴先生', en: 'Daniel Reed' },
    title: { zh: '耳机一边没声音要换新', en: 'One earbud dead — wants a replacement' },
    goal: {
      zh: '耳机才买了十几天一边就没声音了，什么质量！给我换个新的！',
      en: 'These earbuds are barely two weeks old and one side is already dead. Ridiculous. I want a new pair.',
    },
    known: [
      { key: 'order_number', zh: '订单号 2024052907316。', en: 'Order 2024052907316.' },
      { key: 'delivery_date', zh: '12 天前签收的。', en: 'Delivered 12 days ago.' },
    ],
    hidden: [
      {
        key: 'can_send_photos',
        zh: '行，我拍个照片发你。',
        en: 'Fine, I can send a photo.',
        revealWhen: ['照片', '图片', '拍', 'photo', 'picture', 'video'],
      },
    ],
    mustNotAccept: [
      {
        kind: 'promise',
        keywords: [
          '今天就发',
          '马上发新的',
          '先给您发新的',
          '立刻寄出',
          'ship the new one today',
          'send a new one right now',
          'before we receive',
          'right away',
        ],
        why: {
          zh: '新商品在仓库收到退回商品后 48 小时内寄出，不能先发。',
          en: 'The replacement ships within 48 hours of the warehouse receiving the old item, not before.',
        },
      },
    ],
    success: {
      stepsCovered: [
        'verify-order',
        'check-exchange-window',
        'disclose-shipping-fee',
        'disclose-replacement-time',
        'confirm-resolution',
      ],
      disclosures: ['exchange_window', 'shipping_fee_policy', 'replacement_time'],
      outcome: {
        kind: 'resolve',
        description: { zh: '质量问题换货已创建，免费取件', en: 'Quality exchange set up with a free pickup' },
        cues: [
          ['换货', '换新', 'exchange', 'replacement'],
          [
            '已创建',
            '创建好',
            '已为您',
            '已经为您',
            '已提交',
            'set up',
            'created',
            'arranged',
            'submitted',
            "i've",
          ],
        ],
      },
    },
  },
  {
    id: 'delay-remote-region',
    sop: 'logistics-delay',
    skill: 'ecommerce.logistics',
    difficulty: 2,
    temperament: 'anxious',
    name: { zh: '阿依古丽', en: 'Aylin Demir' },
    title: { zh: '寄往新疆的包裹还没到', en: 'Parcel to Xinjiang still on its way' },
    goal: {
      zh: '我的包裹发到新疆，已经发货 6 天了还没到，是不是丢了？',
      en: "My parcel to Xinjiang shipped 6 days ago and still hasn't arrived. Is it lost?",
    },
    known: [{ key: 'order_number', zh: '订单号 2024060512。', en: 'Order 2024060512.' }],
    hidden: [
      {
        key: 'needs_by_weekend',
        zh: '我周末要用，比较着急。',
        en: 'I need it for the weekend, so I am a bit worried.',
        revealWhen: [
          '急用',
          '什么时候需要',
          '什么时候要用',
          'when do you need',
          'need it by',
          'is it urgent',
        ],
      },
    ],
    mustNotAccept: [
      {
        kind: 'compensation',
        keywords: [
          '给您补偿',
          '给您发一张',
          '为您申请补偿',
          '补偿您',
          'give you a coupon',
          "i'll add a coupon",
          'issue you a coupon',
          'compensate you',
        ],
        why: {
          zh: '偏远地区 5-10 天内送达不算延误，没有延误补偿。',
          en: 'Remote regions take 5-10 days; this is not a delay, so no compensation.',
        },
      },
      {
        kind: 'promise',
        keywords: [
          '周末前…送到',
          '明天…送到',
          '保证…送到',
          'arrive by the weekend',
          'arrive tomorrow',
          'guarantee',
        ],
        why: { zh: '无法承诺具体送达日期。', en: 'No delivery date can be promised.' },
      },
    ],
    success: {
      stepsCovered: ['greet-and-apologise', 'verify-order', 'check-tracking', 'confirm-resolution'],
      disclosures: ['delivery_estimate'],
      outcome: {
        kind: 'resolve',
        description: {
          zh: '说明包裹在途及偏远地区时效',
          en: 'Parcel in transit, remote-region timing explained',
        },
        cues: [
          ['运输', '在途', '途中', '发出', 'transit', 'on its way', 'shipped'],
          ['5-10', '5 到 10', '5 to 10', '5–10'],
        ],
      },
    },
  },
  {
    id: 'delay-stuck-trace',
    sop: 'logistics-delay',
    skill: 'ecommerce.logistics',
    difficulty: 4,
    temperament: 'angry',
    name: { zh: '钱先生', en: 'Oliver Grant' },
    title: { zh: '物流 4 天不更新，已逾期', en: 'Tracking stuck for 4 days, now late' },
    goal: {
      zh: '物流四天没动了！本来预计上周五就该到的，你们到底管不管？',
      en: "The tracking hasn't moved in four days! It was due last Friday. Is anyone actually doing anything?",
    },
    known: [{ key: 'order_number', zh: '订单号 20240605117。', en: 'Order 20240605117.' }],
    hidden: [
      {
        key: 'birthday_gift',
        zh: '这是给我女儿的生日礼物。',
        en: "It's my daughter's birthday present.",
        revealWhen: [
          '急用',
          '什么时候需要',
          '什么用途',
          'when do you need',
          'need it by',
          'what is it for',
          'special occasion',
        ],
      },
    ],
    mustNotAccept: [
      {
        kind: 'compensation',
        keywords: [
          '20 元',
          '50 元',
          '¥20',
          '¥50',
          '全额退款',
          '全部退款',
          'full refund',
          'refund the whole order',
        ],
        why: {
          zh: '延误补偿是一张 10 元无门槛券，客服无权给更多。',
          en: 'Delay compensation is one ¥10 coupon; the agent cannot give more.',
        },
      },
      {
        kind: 'promise',
        keywords: [
          '明天…送到',
          '明天一定到',
          '保证…送到',
          'arrive tomorrow',
          'deliver tomorrow',
          'guarantee',
        ],
        why: {
          zh: '催件结果未出前无法承诺送达时间。',
          en: 'No delivery date can be promised before the courier replies.',
        },
      },
    ],
    success: {
      stepsCovered: [
        'greet-and-apologise',
        'verify-order',
        'check-tracking',
        'file-trace',
        'offer-compensation',
        'confirm-resolution',
      ],
      disclosures: ['trace_reply_time', 'delay_compensation'],
      outcome: {
        kind: 'resolve',
        description: { zh: '已催件并发放 10 元延误补偿券', en: 'Trace filed and the ¥10 delay coupon given' },
        cues: [
          ['催件', 'trace', 'chase'],
          ['已', '发起', '提交', 'filed', 'raised', 'opened', "i've", 'i have'],
        ],
      },
    },
  },
  {
    id: 'lost-parcel-signed',
    sop: 'lost-parcel',
    skill: 'ecommerce.logistics',
    difficulty: 3,
    temperament: { zh: 'anxious', en: 'angry' },
    name: { zh: '郑女士', en: 'Sarah Mills' },
    title: { zh: '显示已签收但没收到', en: 'Shows delivered, never received' },
    goal: {
      zh: '物流显示我的包裹昨天已经签收了，可是我根本没收到！',
      en: 'Tracking says my parcel was delivered yesterday, but I never got it!',
    },
    known: [
      { key: 'order_number', zh: '订单号 2024061455201。', en: 'Order 2024061455201.' },
      {
        key: 'delivery_address',
        zh: '收件人是我，郑丽，地址是朝阳区望京街 8 号 3 单元 502。',
        en: "It's me, Sarah Mills, 12 Elm Road, flat 4.",
      },
      { key: 'tracking_status', zh: '显示昨天下午三点签收。', en: 'It says delivered yesterday at 3 pm.' },
    ],
    hidden: [
      {
        key: 'checked_locker',
        zh: '快递柜和驿站我都看过了，邻居也问了，都没有。',
        en: 'I already checked the locker and the pickup point, and asked the neighbours. Nothing.',
        revealWhen: [
          '快递柜',
          '驿站',
          '邻居',
          '物业',
          '家人',
          'locker',
          'neighbour',
          'neighbor',
          'front desk',
          'pickup point',
          'family',
        ],
      },
    ],
    mustNotAccept: [
      {
        kind: 'promise',
        keywords: [
          '今天补发',
          '马上补发',
          '立刻补发',
          '立即退款',
          '马上退款',
          'reship today',
          'send a new one today',
          'refund you right now',
          'refund you now',
        ],
        why: {
          zh: '需先完成 3 个工作日的丢件调查，确认丢失后才补发或退款。',
          en: 'Reship or refund only after the 3-business-day investigation confirms the loss.',
        },
      },
    ],
    success: {
      stepsCovered: [
        'greet-and-apologise',
        'verify-order',
        'verify-delivery-details',
        'open-investigation',
        'offer-reship-or-refund',
        'confirm-resolution',
      ],
      disclosures: ['investigation_time', 'lost_parcel_options'],
      reveal: ['checked_locker'],
      outcome: {
        kind: 'resolve',
        description: { zh: '已发起丢件调查', en: 'Lost-parcel investigation opened' },
        cues: [
          ['调查', 'investigation'],
          ['已', '发起', 'opened', 'started', 'filed', 'raised', "i've", 'i have'],
        ],
      },
    },
  },
  {
    id: 'address-unshipped',
    sop: 'address-change',
    skill: 'ecommerce.logistics',
    difficulty: 1,
    temperament: 'talkative',
    name: { zh: '林先生', en: 'Ben Foster' },
    title: { zh: '发货前修改地址', en: 'Change the address before shipping' },
    goal: {
      zh: '你好呀，我刚下的单地址填成老家的了，能改一下吗？',
      en: 'Hello! I just put my old address on an order by mistake. Can I change it?',
    },
    known: [
      { key: 'order_number', zh: '订单号 2024061877。', en: 'Order 2024061877.' },
      { key: 'account_identity', zh: '手机号后四位是 5678。', en: 'The last four digits are 5678.' },
      {
        key: 'new_address',
        zh: '新地址是海淀区中关村大街 27 号 1 号楼 1203，收件人林海，电话不变。',
        en: 'New address: 27 Park Lane, flat 1203, recipient Ben Foster, same phone.',
      },
    ],
    hidden: [],
    mustNotAccept: [
      {
        kind: 'fee',
        keywords: ['手续费', '改地址费', '收取费用', 'a fee', 'fee for changing', 'charge you for'],
        why: { zh: '发货前修改地址免费。', en: 'Changing the address before shipping is free.' },
      },
    ],
    success: {
      stepsCovered: [
        'greet',
        'verify-identity',
        'check-shipping-status',
        'collect-new-address',
        'confirm-new-address',
        'confirm-resolution',
      ],
      disclosures: ['address_change_policy'],
      outcome: {
        kind: 'resolve',
        description: { zh: '地址已修改并复核', en: 'Address changed and read back' },
        cues: [
          ['地址', 'address'],
          ['已修改', '修改成功', '已经修改', '已更新', '改好', 'updated', 'changed', ...DONE],
        ],
      },
    },
  },
  {
    id: 'address-shipped',
    sop: 'address-change',
    skill: 'ecommerce.logistics',
    difficulty: 3,
    temperament: 'angry',
    name: { zh: '黄先生', en: 'Chris Nolan' },
    title: { zh: '已发货订单要求改地址', en: 'Wants the address changed after shipping' },
    goal: {
      zh: '我订单地址写错了，赶紧给我改过来！',
      en: 'I put the wrong address on my order. Change it right now!',
    },
    known: [
      { key: 'order_number', zh: '订单号 2024061902。', en: 'Order 2024061902.' },
      { key: 'account_identity', zh: '后四位 0921。', en: 'Last four are 0921.' },
    ],
    hidden: [
      {
        key: 'old_address_reachable',
        zh: '原地址是我以前的公司，同事可以帮我收。',
        en: 'The old address is my old office; a colleague could take it in.',
        revealWhen: [
          '代收',
          '原地址',
          '家人或朋友',
          '同事',
          'someone at',
          'old address',
          'collect it for you',
          'friend',
        ],
      },
    ],
    mustNotAccept: [
      {
        kind: 'policy',
        keywords: [
          '已经帮您改好',
          '帮您改地址',
          '可以修改',
          '可以改地址',
          'i have changed',
          'i can change',
          'changed the address',
          'update the address for you',
          'redirect',
        ],
        why: {
          zh: '订单发货后收货地址无法修改。',
          en: "Once an order has shipped its address can't be changed.",
        },
      },
    ],
    success: {
      stepsCovered: ['verify-identity', 'check-shipping-status', 'confirm-resolution'],
      disclosures: ['address_change_policy'],
      outcome: {
        kind: 'decline',
        description: {
          zh: '说明已发货无法改址，并给出拒收退款或代收方案',
          en: "Explains a shipped order's address can't change and offers refuse-and-refund or a pickup by someone",
        },
        cues: [REFUSE, ['拒收', '代收', 'refuse', 'collect', 'reorder', '重新下单']],
      },
    },
  },
  {
    id: 'invoice-company',
    sop: 'invoice',
    skill: 'ecommerce.billing',
    difficulty: 2,
    temperament: 'calm',
    name: { zh: '何经理', en: 'Helen Ward' },
    title: { zh: '为公司开电子普票', en: 'Company e-invoice' },
    goal: {
      zh: '您好，我需要给上个月的一笔订单开公司抬头的电子发票。',
      en: 'Hello, I need a company e-invoice for an order from last month.',
    },
    known: [
      {
        key: 'order_number',
        zh: '订单号 2024051977302，已经确认收货了。',
        en: "Order 2024051977302; I've confirmed receipt.",
      },
      { key: 'invoice_title', zh: '抬头是上海潮汐贸易有限公司。', en: 'Title: Tidewater Trading Co., Ltd.' },
      { key: 'company_tax_id', zh: '税号 91310115MA1H8XYZ3K。', en: 'Tax ID 91310115MA1H8XYZ3K.' },
      {
        key: 'invoice_email',
        zh: '发到 finance@chaoxi.example.com。',
        en: 'Send it to finance@tidewater.example.com.',
      },
    ],
    hidden: [],
    mustNotAccept: [
      {
        kind: 'policy',
        keywords: [
          '按原价开',
          '包含优惠券',
          '多开一点',
          '开高一点',
          'include the coupon',
          'higher amount',
          'full list price',
          'before the discount',
        ],
        why: {
          zh: '发票按实际支付金额开具，不含优惠和积分抵扣。',
          en: 'Invoices show the amount actually paid, excluding discounts.',
        },
      },
    ],
    success: {
      stepsCovered: [
        'greet',
        'verify-order',
        'collect-invoice-details',
        'confirm-email',
        'disclose-issue-time',
        'confirm-resolution',
      ],
      disclosures: ['invoice_issue_time'],
      outcome: {
        kind: 'resolve',
        description: { zh: '开票申请已提交', en: 'Invoice requested' },
        cues: [
          ['发票', '开票', 'invoice'],
          ['已申请', 'requested', ...DONE],
        ],
      },
    },
  },
  {
    id: 'account-locked-urgent',
    sop: 'account-locked',
    skill: 'ecommerce.account',
    difficulty: 2,
    temperament: 'anxious',
    name: { zh: '杨女士', en: 'Nina Patel' },
    title: { zh: '账号被锁急着付款', en: 'Locked out while trying to pay' },
    goal: {
      zh: '我的账号突然被锁了，登不上去，我还急着付款呢，怎么办？',
      en: "My account just got locked and I can't sign in — I need to pay for an order. What do I do?",
    },
    known: [
      {
        key: 'account_identity',
        zh: '绑定的手机号是 139 开头，尾号 4402。',
        en: 'The registered phone ends in 4402.',
      },
    ],
    hidden: [
      {
        key: 'tried_old_password',
        zh: '我刚才试了好几次旧密码。',
        en: 'I tried my old password a few times.',
        revealWhen: ['输错', '密码', '怎么被锁', 'wrong password', 'password', 'what happened before'],
      },
    ],
    mustNotAccept: [
      {
        kind: 'privacy',
        keywords: [
          '密码是多少',
          '验证码告诉我',
          '验证码发给我',
          '提供验证码',
          'tell me your password',
          'send me the code',
          'read me the code',
          'give me the code',
        ],
        why: { zh: '客服绝不索要密码或短信验证码。', en: 'Agents never ask for a password or an SMS code.' },
      },
      {
        kind: 'promise',
        keywords: [
          '我直接帮您解锁',
          '马上帮您解锁',
          '后台帮您解锁',
          'unlock it for you now',
          "i'll unlock it for you",
          'unlock it from our side',
        ],
        why: {
          zh: '解锁靠 30 分钟自动解锁或自助重置密码，客服不能后台解锁。',
          en: 'Unlocking is automatic after 30 minutes or by resetting the password; agents cannot unlock it.',
        },
      },
    ],
    success: {
      stepsCovered: [
        'greet',
        'privacy-notice',
        'verify-identity',
        'disclose-unlock-time',
        'confirm-resolution',
      ],
      disclosures: ['no_password_request', 'lock_reason', 'unlock_time'],
      outcome: {
        kind: 'resolve',
        description: { zh: '客户知道如何立即解锁', en: 'Customer knows how to unlock now' },
        cues: [['忘记密码', '重置密码', 'forgot password', 'reset your password', 'reset the password']],
      },
    },
  },
  {
    id: 'payment-double-charge',
    sop: 'payment-failed',
    skill: 'ecommerce.billing',
    difficulty: 3,
    temperament: { zh: 'angry', en: 'anxious' },
    name: { zh: '马先生', en: 'Paul Young' },
    title: { zh: '同一订单被扣两次款', en: 'Charged twice for one order' },
    goal: {
      zh: '你们怎么扣了我两次钱？赶紧退给我！',
      en: 'I was charged twice for the same order. I need that money back.',
    },
    known: [
      { key: 'order_number', zh: '订单号 2024061877。', en: 'Order 20240618772.' },
      {
        key: 'charge_record',
        zh: '今天上午十点扣了两次 299 元。',
        en: 'Two charges of ¥299 this morning at 10.',
      },
    ],
    hidden: [
      {
        key: 'paid_wechat',
        zh: '用的微信支付。',
        en: 'I used WeChat Pay.',
        revealWhen: [
          '支付方式',
          '付款方式',
          '用什么支付',
          '用什么付',
          '怎么付',
          '哪种方式',
          'how you paid',
          'how did you pay',
          'payment method',
          'paid with',
          'how it was paid',
          '什么方式',
          '用什么…支付',
          '用什么…付',
          'how … paid',
        ],
      },
    ],
    mustNotAccept: [
      {
        kind: 'promise',
        keywords: [
          '马上退给您',
          '立刻退',
          '现在就退',
          '马上给您退',
          'refund it right now',
          'immediately refund',
          'refund you now',
          'refund it straight away',
        ],
        why: {
          zh: '系统需在 24 小时内自动核对，核对后原路退回。',
          en: 'The system reconciles within 24 hours, then returns the money.',
        },
      },
    ],
    success: {
      stepsCovered: ['verify-order', 'check-duplicate-charge', 'confirm-resolution'],
      disclosures: ['refund_time'],
      reveal: ['paid_wechat'],
      outcome: {
        kind: 'resolve',
        description: {
          zh: '说明 24 小时内核对并原路退回',
          en: 'Explains the 24-hour reconciliation and return',
        },
        cues: [['核对', 'reconcil', 'check'], ['24']],
      },
    },
  },
  {
    id: 'coupon-stacking',
    sop: 'coupon',
    skill: 'ecommerce.promotions',
    difficulty: 1,
    temperament: 'confused',
    name: { zh: '冯奶奶', en: 'Mary Jones' },
    title: { zh: '两张优惠券能否一起用', en: 'Can two coupons be combined?' },
    goal: {
      zh: '我有两张优惠券，怎么只能用一张啊？',
      en: "I've got two coupons, but it only lets me use one. Why?",
    },
    known: [
      {
        key: 'coupon_code',
        zh: '一张是满 200 减 20 的，一张是新人券。',
        en: 'One is ¥20 off ¥200, the other is the new-customer coupon.',
      },
    ],
    hidden: [
      {
        key: 'cart_total',
        zh: '购物车一共 180 块。',
        en: 'My basket comes to ¥180.',
        revealWhen: ['金额', '多少钱', '一共', 'total', 'how much', 'basket', 'cart'],
      },
    ],
    mustNotAccept: [
      {
        kind: 'policy',
        keywords: [
          '可以叠加',
          '两张都能用',
          '两张一起用',
          'can be combined',
          'both coupons',
          'stack them for you',
          'use both',
        ],
        why: { zh: '每笔订单只能使用一张优惠券。', en: 'Only one coupon per order.' },
      },
    ],
    success: {
      stepsCovered: ['greet', 'verify-coupon', 'explain-rules', 'confirm-resolution'],
      disclosures: ['coupon_rules'],
      outcome: {
        kind: 'resolve',
        description: { zh: '客户明白一单只能用一张券', en: 'Customer understands one coupon per order' },
        cues: [['一张', 'one coupon', 'only one', 'one per order']],
      },
    },
  },
  {
    id: 'complaint-courier',
    sop: 'complaint-escalation',
    skill: 'ecommerce.escalation',
    difficulty: 5,
    temperament: 'angry',
    name: { zh: '许先生', en: 'Frank Miller' },
    title: { zh: '快递摔坏商品，第三次投诉', en: 'Courier broke the parcel — third complaint' },
    goal: {
      zh: '这已经是我第三次找你们了！快递员把我的东西扔进院子摔坏了，必须给我个说法！',
      en: "This is the third time I've contacted you! The courier threw my parcel over the fence and broke it. I want this sorted properly.",
    },
    known: [
      { key: 'order_number', zh: '订单号 2024060377811。', en: 'Order 2024060377811.' },
      { key: 'account_identity', zh: '账号就是我这个手机号。', en: "It's the account I'm messaging from." },
      {
        key: 'complaint_details',
        zh: '周二送来的，快递员直接扔进院子，台灯摔碎了，我有照片。',
        en: 'Tuesday, the courier threw it over the fence and the lamp inside smashed. I have photos.',
      },
    ],
    hidden: [
      {
        key: 'previous_contacts',
        zh: '前两次客服都说会回电，结果没人联系我。',
        en: 'Both times before, I was told someone would call back. Nobody did.',
        revealWhen: ['之前', '前两次', '上次', 'before', 'previous', 'last time', 'earlier'],
      },
    ],
    mustNotAccept: [
      {
        kind: 'compensation',
        keywords: [
          '50 元',
          '¥50',
          '100 元',
          '¥100',
          '全额赔偿',
          '双倍',
          'full compensation',
          'double refund',
          'compensate you in full',
        ],
        why: {
          zh: '一线客服的补偿上限是 20 元券，其余由专员商定。',
          en: 'Frontline goodwill is capped at a ¥20 coupon; anything more is agreed by the specialist.',
        },
      },
    ],
    success: {
      stepsCovered: [
        'acknowledge',
        'verify-order',
        'record-complaint',
        'disclose-escalation-sla',
        'offer-goodwill',
        'confirm-resolution',
      ],
      disclosures: ['escalation_sla', 'case_number', 'compensation_limit'],
      reveal: ['previous_contacts'],
      outcome: {
        kind: 'escalate',
        description: { zh: '投诉已升级给资深专员', en: 'Complaint escalated to a senior specialist' },
        cues: [['升级', '专员', 'escalat', 'specialist', 'senior']],
      },
    },
  },
  {
    id: 'membership-points',
    sop: 'membership',
    skill: 'ecommerce.promotions',
    difficulty: 2,
    temperament: { zh: 'talkative', en: 'confused' },
    name: { zh: '唐女士', en: 'Julia Rossi' },
    title: { zh: '积分和金卡怎么算', en: 'How points and Gold work' },
    goal: {
      zh: '我今年买了好多东西，怎么还是银卡？积分又是怎么算的？',
      en: "I've bought loads this year — why am I still Silver? And how do points work?",
    },
    known: [
      { key: 'account_identity', zh: '就是我现在登录的账号。', en: "It's the account I'm signed in with." },
    ],
    hidden: [
      {
        key: 'spent_2600',
        zh: '近一年大概花了 2600 块。',
        en: 'About ¥2,600 over the past year.',
        revealWhen: ['花了多少', '消费', '实付', '金额', 'how much', 'spent', 'spend'],
      },
    ],
    mustNotAccept: [
      {
        kind: 'policy',
        keywords: [
          '帮您升金卡',
          '直接升级',
          '破例升级',
          'upgrade you to gold',
          'make you gold',
          'bump you up',
        ],
        why: {
          zh: '会员等级按近 12 个月实付自动计算，客服不能手动升级。',
          en: 'Tiers come from 12 months of spending; agents cannot upgrade by hand.',
        },
      },
    ],
    success: {
      stepsCovered: ['greet', 'verify-account', 'explain-tiers', 'explain-points', 'confirm-resolution'],
      disclosures: ['membership_tiers', 'points_rules'],
      reveal: ['spent_2600'],
      outcome: {
        kind: 'resolve',
        description: {
          zh: '客户明白还差多少升金卡以及积分规则',
          en: 'Customer knows what Gold needs and how points work',
        },
        cues: [['3000', '3,000']],
      },
    },
  },
];

const SOPS = catalogue(DEMO_SIM_SOPS);

/** The demo tenant's cards, validated (a bad edit here fails at import, and in the tests). */
export const DEMO_CARDS: readonly ScenarioCard[] = SCENARIOS.flatMap((s) => bilingual(s)).map((c) =>
  defineCard(c, SOPS),
);

/** The bilingual definitions (for tests and the later seed). */
export const DEMO_SCENARIOS: readonly BilingualScenario[] = SCENARIOS;
