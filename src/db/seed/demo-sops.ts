/**
 * @module SOPs of the demo tenant 演示商城 Demo Mall: ordered zh/en steps and intent phrasings.
 *
 * Scripts state only the facts of `DEMO_POLICY` (demo-knowledge.ts). Phrasings train and
 * evaluate the intent classifier, so they deliberately include near-confusions (refund vs return
 * vs exchange, delay vs lost parcel) and the typos, anger and shorthand of real customers.
 */
import type { SeedSop, SeedStep } from './types.ts';

type StepInput = Pick<SeedStep, 'key' | 'titleZh' | 'titleEn' | 'scriptZh' | 'scriptEn'> &
  Partial<Pick<SeedStep, 'mustVerify' | 'mustDisclose' | 'piiTypes'>>;

/** Most steps verify, disclose and reveal nothing; this keeps the content below readable. */
const step = (s: StepInput): SeedStep => ({ mustVerify: [], mustDisclose: [], piiTypes: [], ...s });

const confirmResolution = (zh: string, en: string): SeedStep =>
  step({
    key: 'confirm-resolution',
    titleZh: '确认问题已解决',
    titleEn: 'Confirm the resolution',
    scriptZh: zh,
    scriptEn: en,
  });

const REFUND: SeedSop = {
  key: 'refund',
  skillKey: 'ecommerce.refund',
  minLevel: 2,
  nameZh: '退款申请',
  nameEn: 'Refund request',
  resolutionZh: '退款已提交（或已说明不能退款的原因），客户清楚退款金额、原路退回和到账时间',
  resolutionEn:
    'Refund submitted (or the reason it cannot be explained), and the customer knows the amount, that it goes back to the original payment method, and when it arrives',
  steps: [
    step({
      key: 'greet',
      titleZh: '问候并确认诉求',
      titleEn: 'Greet and confirm the request',
      scriptZh: '您好，很高兴为您服务！请问您是想为哪一笔订单申请退款呢？',
      scriptEn: 'Hello, thanks for contacting Demo Mall. Which order would you like a refund for?',
    }),
    step({
      key: 'verify-order',
      titleZh: '核实订单号',
      titleEn: 'Verify the order number',
      scriptZh: '麻烦您提供一下订单号，我马上帮您查看订单状态和支付方式。',
      scriptEn: 'Could you share the order number? I will check its status and how it was paid.',
      mustVerify: ['order_number', 'payment_method'],
    }),
    step({
      key: 'check-eligibility',
      titleZh: '判断退款方式',
      titleEn: 'Check how the refund can be made',
      scriptZh:
        '我这边看到订单还没有发货，可以直接为您取消并全额退款，运费也会一起退回。如果订单已经发货，需要您拒收或签收后申请退货，商品退回仓库后 2 个工作日内验收，验收通过就给您退款。',
      scriptEn:
        "I can see the order hasn't shipped yet, so I can cancel it and refund the full amount, shipping included. Had it shipped, you would refuse the delivery or return it, and we would refund once the warehouse has checked it, within 2 business days of receiving it.",
      mustVerify: ['order_status'],
      mustDisclose: ['refund_conditions'],
    }),
    step({
      key: 'disclose-refund-time',
      titleZh: '告知退款金额与到账时间',
      titleEn: 'Disclose the refund amount and timing',
      scriptZh:
        '退款金额为您的实际支付金额，会原路退回：余额、支付宝和微信支付即时到账，储蓄卡 1-3 个工作日，信用卡最长 7 个工作日，请您留意查收。',
      scriptEn:
        'You will get back the amount you actually paid, to the original payment method: store balance, Alipay and WeChat Pay arrive instantly, debit cards take 1-3 business days and credit cards up to 7 business days.',
      mustDisclose: ['refund_amount', 'refund_time'],
    }),
    confirmResolution(
      '退款已经为您提交成功，稍后您会收到短信通知。请问还有其他可以帮您的吗？',
      "Your refund has been submitted and you'll get a text confirming it. Is there anything else I can help with?",
    ),
  ],
  phrasings: {
    zh: [
      '退款啥时候到账',
      '我申请的退款都三天了还没到，怎么回事',
      '订单还没发货，帮我取消退款吧',
      '不想要了，能直接退钱吗？订单号 2024052188341',
      '退款退到哪里了，银行卡一直没看到钱',
      '拍错了，刚付的款，麻烦退一下',
      '信用卡的退款为什么这么慢',
      '你们说已经退款了，可我支付宝里没有啊？？',
      '我要退款！！！等了半个月了',
      '退货已经寄回去了，钱什么时候退给我',
      '退款金额怎么比我付的少',
      '帮我查下退款进度 谢谢',
    ],
    en: [
      'when will i get my refund',
      'I cancelled order 20240611093 yesterday, where is my money?',
      'refund pls, ordered by mistake',
      'It says refunded but nothing on my card yet??',
      'How long does a refund take to a credit card',
      'I want my money back, the order hasnt even shipped',
      'Can you cancel my order and refund me? Found it cheaper elsewhere',
      'my refund is less than what i paid, why',
      'Been 10 days and still no refund. This is ridiculous.',
      'Sent the return back last week, when does the refund come through?',
      'refund status for order 88213945?',
      'Please refund my order, I no longer need it',
    ],
  },
};

const RETURN: SeedSop = {
  key: 'return',
  skillKey: 'ecommerce.returns',
  minLevel: 2,
  nameZh: '退货申请',
  nameEn: 'Product return',
  resolutionZh: '退货申请已审核通过，客户清楚寄回方式、运费承担方和退款时效',
  resolutionEn:
    'Return approved, and the customer knows how to send the item back, who pays the shipping and when the refund arrives',
  steps: [
    step({
      key: 'greet',
      titleZh: '问候并了解退货原因',
      titleEn: 'Greet and ask the reason',
      scriptZh: '您好，我来帮您办理退货。请问是哪件商品，遇到了什么情况呢？',
      scriptEn:
        "Hi, I can help with the return. Which item is it, and what's the reason for sending it back?",
    }),
    step({
      key: 'verify-order',
      titleZh: '核实订单与签收时间',
      titleEn: 'Verify the order and delivery date',
      scriptZh: '麻烦您提供一下订单号，我核对一下签收时间和商品信息。',
      scriptEn: "Could you give me the order number? I'll check the delivery date and the item.",
      mustVerify: ['order_number', 'delivery_date'],
    }),
    step({
      key: 'check-return-window',
      titleZh: '确认是否符合退货条件',
      titleEn: 'Check the return window and condition',
      scriptZh:
        '我们支持签收后 7 天内无理由退货，商品需要未使用，吊牌、原包装、配件和赠品齐全。定制商品、生鲜和拆封的贴身衣物不支持无理由退货，如有质量问题可以正常处理。',
      scriptEn:
        'We accept no-reason returns within 7 days of delivery, as long as the item is unused and comes back with its tags, original packaging, accessories and free gifts. Custom-made items, fresh food and opened underwear are excluded unless they are faulty.',
      mustVerify: ['item_condition'],
      mustDisclose: ['return_window'],
    }),
    step({
      key: 'disclose-shipping-fee',
      titleZh: '说明退货运费',
      titleEn: 'Explain who pays return shipping',
      scriptZh:
        '如果是无理由退货，寄回运费需要您承担，原订单运费不退；如果是质量问题，我们会安排快递免费上门取件，运费全部由我们承担。',
      scriptEn:
        "For a no-reason return the return shipping is on you and the original shipping fee isn't refunded. If the item is faulty, we'll book a free pickup and cover all the shipping.",
      mustDisclose: ['shipping_fee_policy'],
    }),
    step({
      key: 'disclose-refund-time',
      titleZh: '告知验收与退款时效',
      titleEn: 'Disclose inspection and refund timing',
      scriptZh:
        '仓库收到退货后 2 个工作日内完成验收，通过后原路退款：余额、支付宝和微信支付即时到账，储蓄卡 1-3 个工作日，信用卡最长 7 个工作日。',
      scriptEn:
        'The warehouse checks returns within 2 business days of receiving them. Once it passes, the refund goes back to your original payment method: instantly for store balance, Alipay or WeChat Pay, 1-3 business days for debit cards and up to 7 business days for credit cards.',
      mustDisclose: ['refund_time'],
    }),
    confirmResolution(
      '您的退货申请已经审核通过，请在 7 天内按订单页的退货地址寄回，并填写快递单号。请问还有其他问题吗？',
      'Your return is approved. Please send the item back within 7 days to the address on the order page and add the tracking number there. Anything else I can help with?',
    ),
  ],
  phrasings: {
    zh: [
      '衣服买大了，想退货',
      '7天无理由退货怎么操作',
      '鞋子不喜欢，还能退吗？昨天刚收到',
      '退货运费谁出啊',
      '收到的杯子是裂的，我要退货',
      '吊牌剪了还能退吗',
      '退货地址是哪里',
      '上周买的耳机想退了，拆了包装但没用过',
      '退货申请怎么一直没审核',
      '买了两件，想退其中一件可以吗',
      '内衣尺码不合适能退吗',
      '签收十天了还能退货吗',
    ],
    en: [
      "I want to return a jacket, it doesn't fit",
      'how do i send this back',
      'Can I return something after 7 days?',
      'who pays the shipping for returns',
      'return label?',
      'Opened the box but never used the blender, can I still return it?',
      'I need to return one item from order 55120983, the rest is fine',
      'The mug arrived cracked. I just want to send it back.',
      'Is it possible to return sale items',
      "what's your return policy on shoes",
      'I removed the tags already, can it still be returned?',
      'hi i wanna return my headphones, changed my mind',
    ],
  },
};

const EXCHANGE: SeedSop = {
  key: 'exchange',
  skillKey: 'ecommerce.returns',
  minLevel: 2,
  nameZh: '换货申请',
  nameEn: 'Exchange request',
  resolutionZh: '换货单已创建，客户清楚寄回或取件方式、运费规则和新商品的发出时间',
  resolutionEn:
    'Exchange created, and the customer knows how the item comes back, who pays the shipping and when the replacement ships',
  steps: [
    step({
      key: 'greet',
      titleZh: '问候并了解换货原因',
      titleEn: 'Greet and ask the reason',
      scriptZh: '您好！请问是想换尺码、换颜色，还是商品有质量问题需要换新呢？',
      scriptEn: 'Hello! Would you like a different size or colour, or is there a problem with the item?',
    }),
    step({
      key: 'verify-order',
      titleZh: '核实订单与商品',
      titleEn: 'Verify the order and item',
      scriptZh: '麻烦提供一下订单号和需要更换的商品，我核对一下签收时间。',
      scriptEn:
        "Could you give me the order number and the item to exchange? I'll check when it was delivered.",
      mustVerify: ['order_number', 'delivery_date'],
    }),
    step({
      key: 'check-exchange-window',
      titleZh: '确认换货条件',
      titleEn: 'Check the exchange window',
      scriptZh:
        '质量问题可以在签收后 15 天内申请换货，麻烦您拍几张问题部位的照片发给我；尺码或颜色不合适的，需要在签收后 7 天内申请，商品未穿着、吊牌完好。',
      scriptEn:
        'Faulty items can be exchanged within 15 days of delivery, so could you send me a few photos of the problem? Size or colour swaps need to be requested within 7 days of delivery, with the item unworn and tags on.',
      mustVerify: ['defect_photos'],
      mustDisclose: ['exchange_window'],
    }),
    step({
      key: 'disclose-shipping-fee',
      titleZh: '说明换货运费',
      titleEn: 'Explain exchange shipping',
      scriptZh:
        '质量问题换货全程免运费，我们安排快递上门取件；尺码颜色换货的话，寄回运费由您承担，新商品寄出的运费由我们承担。',
      scriptEn:
        "Quality exchanges are free both ways and we'll send a courier to collect the item. For a size or colour swap, you pay to send it back and we pay to ship the new one.",
      mustDisclose: ['shipping_fee_policy'],
    }),
    step({
      key: 'disclose-replacement-time',
      titleZh: '告知新商品发出时间',
      titleEn: 'Disclose when the replacement ships',
      scriptZh:
        '仓库收到退回的商品后 48 小时内为您寄出新商品。每件商品可以换货一次，如果您要换的款式缺货，我们会为您全额退款。',
      scriptEn:
        "We ship the replacement within 48 hours of the warehouse receiving your item. Each item can be exchanged once, and if the one you want is out of stock we'll refund you in full instead.",
      mustDisclose: ['replacement_time'],
    }),
    confirmResolution(
      '换货单已经为您创建好了，新商品发出后会短信通知您物流单号。还有什么可以帮您的吗？',
      "Your exchange is set up, and we'll text you the tracking number once the replacement ships. Is there anything else?",
    ),
  ],
  phrasings: {
    zh: [
      '尺码小了能换大一号吗',
      '想换个颜色',
      '收到的裤子有个洞，给我换条新的',
      '换货要多久才能发出来',
      '鞋子左右脚大小不一样，能换吗',
      '我买的黑色发来的是白色，帮我换一下',
      '换货运费谁出',
      '耳机一边没声音，买了十几天了还能换吗',
      '这件衣服色差太大，不想退，想换一件',
      'M码能换成L码吗？订单号 3390217745',
      '换货的新商品发了没有',
    ],
    en: [
      'Can I swap this for a bigger size?',
      'want to exchange for a different colour',
      'The zipper broke after 2 days, can I get a replacement?',
      'You sent me the wrong size, need an exchange',
      'how long does an exchange take',
      'exchange size M to L please, order 3390217751',
      "One earbud is dead. I don't want a refund, just a new pair.",
      'Do I have to pay shipping to exchange shoes',
      'is the replacement shipped yet? i sent the old one back on monday',
      'Can I exchange an item I bought 12 days ago? It has a defect',
      'wrong color received, pls replace',
    ],
  },
};

const LOGISTICS_DELAY: SeedSop = {
  key: 'logistics-delay',
  skillKey: 'ecommerce.logistics',
  minLevel: 1,
  nameZh: '物流延迟',
  nameEn: 'Delivery delay',
  resolutionZh: '已告知最新物流状态和预计送达时间，必要时已催件，并按规则发放延误补偿',
  resolutionEn:
    'Customer told the latest tracking status and estimate, a trace filed where needed, and delay compensation given where the rules allow',
  steps: [
    step({
      key: 'greet-and-apologise',
      titleZh: '致歉并安抚',
      titleEn: 'Apologise and reassure',
      scriptZh: '非常抱歉让您久等了，我马上帮您查一下包裹现在到哪儿了。',
      scriptEn: "I'm sorry you're still waiting. Let me check where your parcel is right now.",
    }),
    step({
      key: 'verify-order',
      titleZh: '核实订单号',
      titleEn: 'Verify the order number',
      scriptZh: '麻烦您提供一下订单号，我来查询物流信息。',
      scriptEn: "Could you share your order number? I'll pull up the tracking.",
      mustVerify: ['order_number'],
    }),
    step({
      key: 'check-tracking',
      titleZh: '查询物流并告知预计送达',
      titleEn: 'Check tracking and give the estimate',
      scriptZh:
        '我查到包裹已经发出，正在运输途中。大陆地区一般发货后 2-5 天送达，新疆、西藏、青海等偏远地区需要 5-10 天，我把最新的物流节点同步给您。',
      scriptEn:
        "Your parcel has shipped and is on its way. Mainland deliveries usually take 2-5 days after dispatch, and remote regions such as Xinjiang, Tibet and Qinghai 5-10 days. Here's the latest tracking update.",
      mustVerify: ['tracking_status'],
      mustDisclose: ['delivery_estimate'],
    }),
    step({
      key: 'file-trace',
      titleZh: '向快递公司催件',
      titleEn: 'File a trace with the courier',
      scriptZh:
        '物流信息超过 72 小时没有更新，我现在就向快递公司发起催件，快递方会在 24 小时内回复，有结果我第一时间通知您。',
      scriptEn:
        "As the tracking hasn't updated for more than 72 hours, I'm filing a trace with the courier now. They reply within 24 hours and I'll let you know as soon as I hear back.",
      mustDisclose: ['trace_reply_time'],
    }),
    step({
      key: 'offer-compensation',
      titleZh: '说明延误补偿',
      titleEn: 'Explain delay compensation',
      scriptZh:
        '订单付款后超过 48 小时未发货，或实际送达比预计晚 3 天以上的，我们会为您发放一张 10 元无门槛优惠券作为补偿，每笔订单限一次，有效期 30 天。',
      scriptEn:
        "If an order hasn't shipped 48 hours after payment, or arrives more than 3 days later than estimated, we add a ¥10 no-minimum coupon to your account as compensation, once per order and valid for 30 days.",
      mustDisclose: ['delay_compensation'],
    }),
    confirmResolution(
      '我会持续跟进您的包裹，有新进展会主动联系您。请问还有其他需要帮忙的吗？',
      "I'll keep an eye on your parcel and get in touch as soon as there's news. Anything else I can do for you?",
    ),
  ],
  phrasings: {
    zh: [
      '快递怎么还没到啊都一周了',
      '我的包裹到哪了',
      '物流三天没更新了',
      '说好48小时发货，怎么还没发',
      '下单五天了还显示待发货？？',
      '能不能催一下快递，急用',
      '物流一直显示运输中，到底什么时候能送到',
      '寄到新疆要多久',
      '你们发货也太慢了吧，别家第二天就到了',
      '预计昨天送达，今天还没动静',
      '订单 2024060512 什么时候发货',
      '快递卡在中转站好几天了',
    ],
    en: [
      'wheres my package??',
      "My order still hasn't shipped after 4 days",
      'tracking hasnt updated since monday',
      'when will my order arrive',
      'Can you chase the courier? I need it by friday',
      'It was supposed to arrive yesterday. Still nothing.',
      'order 20240605117 stuck in transit',
      'How long does shipping to Tibet take?',
      'Package has been sitting at the sorting center for 3 days',
      'why is delivery so slow',
      'Is there any compensation for late delivery?',
      'status of my delivery pls',
    ],
  },
};

const LOST_PARCEL: SeedSop = {
  key: 'lost-parcel',
  skillKey: 'ecommerce.logistics',
  minLevel: 3,
  nameZh: '包裹丢失',
  nameEn: 'Lost parcel',
  resolutionZh: '已发起丢件调查并告知 3 个工作日的调查时效，客户已选择补发或退款',
  resolutionEn:
    'Lost-parcel investigation opened, the customer told it takes 3 business days, and reshipment or refund chosen',
  steps: [
    step({
      key: 'greet-and-apologise',
      titleZh: '致歉并承诺跟进',
      titleEn: 'Apologise and take ownership',
      scriptZh: '非常抱歉给您添麻烦了，包裹的事情我会负责跟进到底，请您放心。',
      scriptEn: "I'm really sorry about this. I'll personally follow your parcel through until it's sorted.",
    }),
    step({
      key: 'verify-order',
      titleZh: '核实订单号',
      titleEn: 'Verify the order number',
      scriptZh: '麻烦您提供一下订单号，我调取一下物流和签收记录。',
      scriptEn: "Could you share the order number? I'll pull up the tracking and delivery record.",
      mustVerify: ['order_number'],
    }),
    step({
      key: 'verify-delivery-details',
      titleZh: '核对收件信息与签收情况',
      titleEn: 'Check the recipient and delivery record',
      scriptZh:
        '为了核实配送情况，我跟您确认一下收件人姓名和收货地址是否正确。如果物流显示已签收，麻烦您先看看快递柜、驿站和物业前台，也问问家人或邻居有没有代收。',
      scriptEn:
        'To check the delivery, could you confirm the recipient name and delivery address on the order? If tracking shows delivered, please check parcel lockers, pickup points and the front desk, and ask family or neighbours too.',
      mustVerify: ['delivery_address', 'tracking_status'],
      piiTypes: ['PERSON', 'ADDRESS'],
    }),
    step({
      key: 'open-investigation',
      titleZh: '发起丢件调查',
      titleEn: 'Open a lost-parcel investigation',
      scriptZh: '我已经为您向快递公司发起丢件调查，调查需要 3 个工作日，期间有任何进展都会第一时间告诉您。',
      scriptEn:
        "I've opened a lost-parcel investigation with the courier. It takes 3 business days, and I'll update you as soon as anything changes.",
      mustDisclose: ['investigation_time'],
    }),
    step({
      key: 'offer-reship-or-refund',
      titleZh: '提供补发或退款方案',
      titleEn: 'Offer reshipment or refund',
      scriptZh:
        '如果调查确认丢失，您可以选择免费补发，我们会在 48 小时内重新发货；也可以选择全额退款（含运费），按原支付方式退回。请问您更倾向哪一种呢？',
      scriptEn:
        'If the parcel is confirmed lost, you can have it reshipped free of charge within 48 hours, or get a full refund including shipping to your original payment method. Which would you prefer?',
      mustDisclose: ['lost_parcel_options', 'refund_time'],
    }),
    confirmResolution(
      '已按您的选择登记好了，调查结果出来后会马上执行并通知您。还有其他可以帮您的吗？',
      "I've recorded your choice, and we'll act on it as soon as the investigation finishes. Is there anything else I can help with?",
    ),
  ],
  phrasings: {
    zh: [
      '显示已签收但我根本没收到',
      '包裹丢了怎么办',
      '快递员说件丢了',
      '物流一个多星期没更新了，是不是丢件了',
      '快递柜里没有我的包裹，可是显示已签收',
      '东西丢了你们负责吗，我要补发',
      '问了物业和邻居都没有，包裹去哪了',
      '签收人不是我，谁签的？',
      '快递说找不到我的包裹了，现在是退款还是重新发？',
      '订单 8871203 显示派送成功，我没拿到',
      '丢件调查要多久',
    ],
    en: [
      'it says delivered but i never got it',
      'My parcel is lost',
      'The courier told me they lost my package. What now?',
      "No tracking updates for 8 days, I think it's lost",
      'Marked as delivered to a locker but the locker was empty',
      'Someone else signed for my package??',
      'Checked with neighbours and the front desk, nothing. Where is it?',
      'lost parcel - can you resend?',
      'How long does a lost package investigation take',
      'Order 77120394 shows delivered, but nothing at my door',
      'If my parcel is lost do I get a refund or a new one',
    ],
  },
};

const ADDRESS_CHANGE: SeedSop = {
  key: 'address-change',
  skillKey: 'ecommerce.logistics',
  minLevel: 1,
  nameZh: '修改收货地址',
  nameEn: 'Change delivery address',
  resolutionZh: '未发货订单的地址已修改并与客户复核；已发货订单已说明无法修改及可选方案',
  resolutionEn:
    "Address of an unshipped order changed and read back to the customer, or, for a shipped order, the customer told it can't be changed and what the options are",
  steps: [
    step({
      key: 'greet',
      titleZh: '问候并确认诉求',
      titleEn: 'Greet and confirm the request',
      scriptZh: '您好，请问是哪一笔订单需要修改收货地址呢？',
      scriptEn: 'Hello! Which order would you like to change the delivery address for?',
    }),
    step({
      key: 'verify-identity',
      titleZh: '核实订单与身份',
      titleEn: 'Verify the order and identity',
      scriptZh: '为了保障您的账户安全，麻烦提供订单号，并告诉我下单时预留手机号的后四位。',
      scriptEn:
        'For your security, could you give me the order number and the last four digits of the phone number on the order?',
      mustVerify: ['order_number', 'account_identity'],
      piiTypes: ['PHONE'],
    }),
    step({
      key: 'check-shipping-status',
      titleZh: '确认订单是否已发货',
      titleEn: 'Check whether the order has shipped',
      scriptZh:
        '收货地址只能在订单发货前修改。我查到您的订单还没有发货，可以马上为您修改，不收取任何费用。如果已经发货，地址就无法再改了，您可以拒收后由我们全额退款，再重新下单。',
      scriptEn:
        "Addresses can only be changed before an order ships. Yours hasn't shipped yet, so I can update it now at no charge. Once an order has shipped the address can't be changed, but you could refuse the delivery, get a full refund and reorder.",
      mustVerify: ['order_status'],
      mustDisclose: ['address_change_policy'],
    }),
    step({
      key: 'collect-new-address',
      titleZh: '收集新地址',
      titleEn: 'Collect the new address',
      scriptZh: '请把新的收货地址、收件人姓名和联系电话发给我，地址请写到门牌号。',
      scriptEn:
        "Please send me the new address, down to the flat or house number, plus the recipient's name and phone number.",
      mustVerify: ['new_address'],
      piiTypes: ['ADDRESS', 'PHONE', 'PERSON'],
    }),
    step({
      key: 'confirm-new-address',
      titleZh: '复核新地址',
      titleEn: 'Read back the new address',
      scriptZh: '跟您核对一下新的收件人、电话和地址，确认无误我就提交修改，修改后立即生效。',
      scriptEn:
        "Let me read back the new recipient, phone number and address. Once you confirm, I'll submit the change and it takes effect immediately.",
      mustVerify: ['new_address'],
      piiTypes: ['ADDRESS', 'PHONE', 'PERSON'],
    }),
    confirmResolution(
      '收货地址已经修改成功，包裹会按新地址配送。请问还有其他问题吗？',
      'The delivery address has been updated and the parcel will go to the new address. Anything else I can help with?',
    ),
  ],
  phrasings: {
    zh: [
      '地址填错了，能改吗',
      '帮我改一下收货地址',
      '我搬家了，订单还没发货，改成新地址',
      '收件人电话写错了一位',
      '能不能改成寄到公司',
      '刚下的单，小区名字写错了，急！！',
      '已经发货了还能改地址吗',
      '收货人名字想改成我老婆的',
      '订单 5512098 的地址改一下，门牌号错了',
      '改地址要收费吗',
      '下周出差，能改成送到别的城市吗',
    ],
    en: [
      'I put the wrong address, can I change it?',
      'need to update shipping address',
      'Wrong apartment number on my order, please fix asap',
      'I moved, can you send order 44120987 to my new place?',
      'change delivery address pls',
      'Can I change the address after it has shipped?',
      'Typo in the phone number for delivery',
      'Can I have it delivered to my office instead',
      'is there a fee to change the address',
      'Please change the recipient name to my husband',
      'Need to redirect my order to another city',
    ],
  },
};

const INVOICE: SeedSop = {
  key: 'invoice',
  skillKey: 'ecommerce.billing',
  minLevel: 2,
  nameZh: '开具发票',
  nameEn: 'Invoice request',
  resolutionZh: '发票申请已提交，客户清楚发票类型、开具时间和接收方式',
  resolutionEn:
    'Invoice requested, and the customer knows the invoice type, when it is issued and how it is delivered',
  steps: [
    step({
      key: 'greet',
      titleZh: '问候并确认发票类型',
      titleEn: 'Greet and ask the invoice type',
      scriptZh: '您好，请问需要为哪笔订单开发票？是开普通电子发票，还是增值税专用发票呢？',
      scriptEn:
        'Hello! Which order do you need an invoice for, and would you like a standard e-invoice or a VAT special invoice?',
    }),
    step({
      key: 'verify-order',
      titleZh: '核实订单状态',
      titleEn: 'Verify the order and its status',
      scriptZh: '麻烦提供一下订单号。发票在您确认收货后开具，我先帮您看一下订单状态。',
      scriptEn:
        "Could you share the order number? Invoices are issued after you confirm receipt, so I'll check the order status first.",
      mustVerify: ['order_number', 'order_status'],
    }),
    step({
      key: 'collect-invoice-details',
      titleZh: '收集开票信息',
      titleEn: 'Collect the invoice details',
      scriptZh:
        '请提供发票抬头；开给公司的，还需要公司名称和 18 位统一社会信用代码（税号）。开增值税专用发票的话，另外需要公司注册地址、电话、开户银行及账号。',
      scriptEn:
        "Please tell me the invoice title. For a company, I'll also need the company name and its 18-character unified social credit code (tax ID); a VAT special invoice additionally needs the registered address and phone number, bank and account number.",
      mustVerify: ['invoice_title', 'company_tax_id'],
    }),
    step({
      key: 'confirm-email',
      titleZh: '确认接收邮箱',
      titleEn: 'Confirm the email address',
      scriptZh: '电子发票会发送到您的邮箱，同时也可以在订单详情页下载。请问发送到哪个邮箱呢？',
      scriptEn:
        'The e-invoice is emailed to you and can also be downloaded from the order page. Which email address should we use?',
      mustVerify: ['invoice_email'],
      piiTypes: ['EMAIL'],
    }),
    step({
      key: 'disclose-issue-time',
      titleZh: '告知开票时间',
      titleEn: 'Disclose when the invoice is issued',
      scriptZh:
        '普通电子发票会在您确认收货后 24 小时内开具；增值税专用发票在资料审核通过后 5 个工作日内开具。发票按实际支付金额开具，不含优惠券和积分抵扣部分。',
      scriptEn:
        'A standard e-invoice is issued within 24 hours of you confirming receipt; a VAT special invoice within 5 business days of the details being approved. The invoice shows the amount actually paid, excluding coupon and points discounts.',
      mustDisclose: ['invoice_issue_time'],
    }),
    confirmResolution(
      '发票申请已经提交好了，开具后会发送到您的邮箱。还有其他需要帮忙的吗？',
      "Your invoice request is in, and the invoice will be emailed to you once it's issued. Anything else I can do?",
    ),
  ],
  phrasings: {
    zh: [
      '怎么开发票',
      '我要开增值税专用发票',
      '发票什么时候能开出来',
      '公司报销要发票，抬头写公司名',
      '电子发票发哪去了，邮箱没收到',
      '发票抬头开错了，能重开吗',
      '税号是多少位的？我不太清楚',
      '能开纸质发票吗',
      '确认收货好几天了还没看到发票',
      '订单 6620193 帮我开个发票，个人抬头就行',
      '专票需要提供什么资料',
    ],
    en: [
      'how do i get an invoice',
      'I need a VAT special invoice for my company',
      'When will the invoice be issued?',
      'invoice not received in email',
      'Wrong company name on the invoice, can you reissue it?',
      'can u send invoice for order 66201934',
      'What info do you need for a company invoice?',
      'Need a receipt for my expense claim',
      'Does the invoice include the coupon discount?',
      'Is it possible to get a paper invoice',
      'I confirmed delivery 3 days ago but still no e-invoice',
    ],
  },
};

const ACCOUNT_LOCKED: SeedSop = {
  key: 'account-locked',
  skillKey: 'ecommerce.account',
  minLevel: 2,
  nameZh: '账号被锁定',
  nameEn: 'Locked account',
  resolutionZh: '客户身份已核实，已告知锁定原因、解锁时间和自助解锁方式，客户可以正常登录',
  resolutionEn:
    'Customer identity verified, the lock reason, unlock time and self-service unlock explained, and the customer able to sign in',
  steps: [
    step({
      key: 'greet',
      titleZh: '问候并安抚',
      titleEn: 'Greet and reassure',
      scriptZh: '您好，登录不上确实很着急，别担心，我来帮您处理。',
      scriptEn: "Hello, I know being locked out is frustrating. Don't worry, I'll help you get back in.",
    }),
    step({
      key: 'privacy-notice',
      titleZh: '安全提醒',
      titleEn: 'Security reminder',
      scriptZh: '温馨提醒：客服不会向您索要密码或短信验证码，请不要把验证码告诉任何人。',
      scriptEn:
        "Just so you know, we will never ask for your password or an SMS verification code, so please don't share them with anyone.",
      mustDisclose: ['no_password_request'],
    }),
    step({
      key: 'verify-identity',
      titleZh: '核实账号身份',
      titleEn: 'Verify the account holder',
      scriptZh: '麻烦告诉我您账号绑定的手机号，我核对一下账户信息。',
      scriptEn: 'Could you tell me the phone number registered to your account so I can check the account?',
      mustVerify: ['account_identity'],
      piiTypes: ['PHONE'],
    }),
    step({
      key: 'disclose-unlock-time',
      titleZh: '告知锁定原因与解锁方式',
      titleEn: 'Explain the lock and how to unlock',
      scriptZh:
        '您的账号是因为连续 5 次密码输入错误被临时锁定的，30 分钟后会自动解锁。如果着急，可以在登录页点击“忘记密码”，用绑定手机接收验证码重置密码，重置后立即解锁。',
      scriptEn:
        'Your account was locked after 5 wrong passwords in a row and will unlock by itself after 30 minutes. If you need it sooner, choose "Forgot password" on the sign-in page and reset your password with the code sent to your registered phone; that unlocks it right away.',
      mustDisclose: ['lock_reason', 'unlock_time'],
    }),
    step({
      key: 'offer-appeal',
      titleZh: '说明账号申诉',
      titleEn: 'Explain the account appeal',
      scriptZh: '如果绑定的手机号已经停用，可以在登录页提交账号申诉，我们会在 3 个工作日内审核完成。',
      scriptEn:
        "If you no longer have the registered phone number, you can submit an account appeal from the sign-in page, and we'll review it within 3 business days.",
      mustDisclose: ['account_appeal'],
    }),
    confirmResolution(
      '请您试一下现在能否正常登录。还有其他可以帮您的吗？',
      'Could you try signing in now? Is there anything else I can help with?',
    ),
  ],
  phrasings: {
    zh: [
      '账号被锁了登不上',
      '密码输错几次就被锁了',
      '提示账户已锁定，怎么解锁',
      '登不上去了，一直提示账号异常',
      '换了手机号，收不到验证码，账号进不去',
      '被锁了要等多久',
      '忘记密码了，现在账号也锁了',
      '为什么我的账号突然被冻结了',
      '能不能马上帮我解锁，急着付款',
      '我没输错密码怎么也被锁了，是不是被盗号了',
      '登录一直失败 怎么办啊',
    ],
    en: [
      'my account is locked',
      'Locked out after too many password attempts',
      'cant log in, says account locked',
      'How long until my account unlocks?',
      "I changed my phone number and can't get the verification code",
      'forgot password and now im locked out',
      'Someone may be trying to get into my account, it got locked',
      'Please unlock my account ASAP, I need to pay for an order',
      'Account frozen?? why',
      'login keeps failing, help',
      'Is there a way to unlock without waiting 30 minutes?',
    ],
  },
};

const PAYMENT_FAILED: SeedSop = {
  key: 'payment-failed',
  skillKey: 'ecommerce.billing',
  minLevel: 2,
  nameZh: '支付问题',
  nameEn: 'Payment problem',
  resolutionZh: '已查明支付失败或扣款异常的原因，客户已完成支付，或清楚异常扣款的退回时间',
  resolutionEn:
    'Cause of the failed payment or unexpected charge found, and the customer has paid or knows when the stray charge comes back',
  steps: [
    step({
      key: 'greet',
      titleZh: '问候并安抚',
      titleEn: 'Greet and reassure',
      scriptZh: '您好，支付遇到问题了是吗？别着急，我帮您看看。',
      scriptEn: "Hello, sorry to hear the payment isn't going through. Let's sort it out together.",
    }),
    step({
      key: 'verify-order',
      titleZh: '核实订单与支付方式',
      titleEn: 'Verify the order and payment method',
      scriptZh: '请问是哪一笔订单？用的是余额、支付宝、微信支付还是银行卡呢？',
      scriptEn: 'Which order is it, and did you pay with store balance, Alipay, WeChat Pay or a bank card?',
      mustVerify: ['order_number', 'payment_method'],
    }),
    step({
      key: 'diagnose-cause',
      titleZh: '排查失败原因',
      titleEn: 'Find the cause',
      scriptZh:
        '支付失败常见的原因有：银行卡超出单日限额、余额不足、触发银行风控、卡片过期或信息填写有误，以及网络超时。建议您换一种支付方式试试，或者联系发卡行确认。',
      scriptEn:
        "Payments usually fail because of the card's daily limit, insufficient funds, a block by the bank's risk control, an expired card or mistyped details, or a network timeout. Could you try another payment method, or check with your card issuer?",
      mustDisclose: ['payment_failure_causes'],
    }),
    step({
      key: 'check-duplicate-charge',
      titleZh: '处理重复或异常扣款',
      titleEn: 'Handle a double or stray charge',
      scriptZh:
        '如果已经扣款但订单显示未支付，或者同一笔订单扣了两次，系统会在 24 小时内自动核对，未匹配到订单的款项原路退回：余额、支付宝和微信支付即时到账，储蓄卡 1-3 个工作日，信用卡最长 7 个工作日。',
      scriptEn:
        "If you were charged but the order shows unpaid, or charged twice, the system reconciles it within 24 hours and returns any amount that doesn't match an order to the original payment method: instantly for store balance, Alipay or WeChat Pay, 1-3 business days for debit cards and up to 7 business days for credit cards.",
      mustVerify: ['charge_record'],
      mustDisclose: ['refund_time'],
    }),
    step({
      key: 'disclose-order-hold',
      titleZh: '提醒订单保留时间',
      titleEn: 'Remind the payment deadline',
      scriptZh: '另外提醒您，未支付的订单会保留 30 分钟，超时会自动取消，请在这之前完成支付哦。',
      scriptEn:
        'One more thing: unpaid orders are held for 30 minutes and then cancelled automatically, so please complete the payment before then.',
      mustDisclose: ['unpaid_order_timeout'],
    }),
    confirmResolution(
      '请问现在支付成功了吗？还有其他可以帮您的吗？',
      'Has the payment gone through now? Is there anything else I can help with?',
    ),
  ],
  phrasings: {
    zh: [
      '付款一直失败',
      '银行卡支付不了',
      '扣了两次钱，订单 2024061877',
      '钱扣了但订单显示未付款',
      '支付提示风控拦截是什么意思',
      '微信支付不成功，试了好几次',
      '信用卡付不了款，额度明明够',
      '付款页面一直转圈，然后就超时了',
      '订单怎么自动取消了，我正准备付钱呢',
      '重复扣款了，赶紧退给我！',
      '支付宝显示支付成功，你们这边还是待付款',
    ],
    en: [
      'payment keeps failing',
      'I was charged twice for order 20240618772',
      'Card declined but I have enough money',
      'Money was taken but the order says unpaid',
      'why was my order cancelled? I was about to pay',
      'WeChat Pay not working at checkout',
      'It says risk control blocked the payment, what does that mean',
      'checkout times out every time',
      'double charged!!! fix this now',
      'Can I pay with a credit card? Mine keeps getting rejected',
      'Alipay says paid but your site says pending payment',
    ],
  },
};

const COUPON: SeedSop = {
  key: 'coupon',
  skillKey: 'ecommerce.promotions',
  minLevel: 1,
  nameZh: '优惠券问题',
  nameEn: 'Coupon question',
  resolutionZh: '已说明优惠券不能使用的原因，或已帮助客户正确使用优惠券',
  resolutionEn: "The customer knows why the coupon can't be used, or has been helped to use it correctly",
  steps: [
    step({
      key: 'greet',
      titleZh: '问候并确认问题',
      titleEn: 'Greet and confirm the issue',
      scriptZh: '您好，请问是哪张优惠券在使用时遇到问题了呢？',
      scriptEn: 'Hello! Which coupon is giving you trouble?',
    }),
    step({
      key: 'verify-coupon',
      titleZh: '核实优惠券与订单',
      titleEn: 'Verify the coupon and order',
      scriptZh: '麻烦告诉我优惠券的名称或券码，以及您想用在哪些商品上，我帮您查一下。',
      scriptEn:
        "Could you tell me the coupon name or code and what you're trying to use it on? I'll look it up.",
      mustVerify: ['coupon_code'],
    }),
    step({
      key: 'explain-rules',
      titleZh: '说明使用规则',
      titleEn: 'Explain the usage rules',
      scriptZh:
        '每笔订单只能使用一张优惠券，不能和其他优惠券叠加，但可以同时使用积分抵扣。满减券要求参与活动的商品金额达到门槛，运费不计算在内；优惠券需要在下单时选择，付款后就不能补用了。',
      scriptEn:
        "Only one coupon can be used per order and coupons can't be stacked, though you can combine one with points. A minimum-spend coupon counts only the eligible items, not shipping, and coupons have to be picked at checkout; they can't be added after payment.",
      mustDisclose: ['coupon_rules'],
    }),
    step({
      key: 'explain-expiry',
      titleZh: '说明有效期与退还规则',
      titleEn: 'Explain expiry and returns of coupons',
      scriptZh:
        '优惠券的有效期以券面显示为准，过期后无法延期或补发。订单取消或全额退款时，未过期的优惠券会自动退回您的账户；部分退款不退券。',
      scriptEn:
        "Each coupon is valid for the dates shown on it, and expired coupons can't be extended or reissued. If an order is cancelled or fully refunded, an unexpired coupon goes back to your account automatically; partial refunds don't return the coupon.",
      mustDisclose: ['coupon_expiry'],
    }),
    confirmResolution(
      '这样说明清楚了吗？还有其他可以帮您的吗？',
      'Does that clear things up? Is there anything else I can help with?',
    ),
  ],
  phrasings: {
    zh: [
      '优惠券用不了',
      '两张券能一起用吗',
      '满减券怎么不能用，我都够金额了',
      '优惠券过期了能补一张吗',
      '退款之后优惠券还能退回来吗',
      '新人券在哪领',
      '下单忘记用券了，能补吗',
      '结算的时候看不到我的优惠券',
      '券和积分可以同时用吗',
      '你们给的 10 元补偿券怎么用',
      '领的券明明没过期，提示不可用',
    ],
    en: [
      'coupon not working',
      'Can I use two coupons on one order?',
      'My discount code says invalid',
      'The coupon expired yesterday, can you extend it?',
      'forgot to apply my coupon, can you add it now',
      'Do I get the coupon back if I return the item?',
      'why cant i use the 20 off 100 voucher, my cart is over 100',
      'where do i find my coupons',
      'Can I use points and a coupon together?',
      'promo code not applying at checkout',
      'The voucher says not applicable to this product??',
    ],
  },
};

const COMPLAINT_ESCALATION: SeedSop = {
  key: 'complaint-escalation',
  skillKey: 'ecommerce.escalation',
  minLevel: 4,
  nameZh: '投诉升级',
  nameEn: 'Complaint escalation',
  resolutionZh: '客户情绪已安抚，投诉已完整记录并升级，客户拿到工单号并知道资深专员 24 小时内联系',
  resolutionEn:
    'Customer calmed, complaint fully recorded and escalated, and the customer has a case number and knows a senior specialist calls within 24 hours',
  steps: [
    step({
      key: 'acknowledge',
      titleZh: '道歉并表达理解',
      titleEn: 'Apologise and acknowledge',
      scriptZh: '非常抱歉给您带来这么不好的体验，您的心情我完全理解。请您把情况详细告诉我，我会认真记录。',
      scriptEn:
        "I'm truly sorry for the experience you've had, and I completely understand why you're upset. Please tell me what happened and I'll record every detail.",
    }),
    step({
      key: 'verify-order',
      titleZh: '核实订单与身份',
      titleEn: 'Verify the order and identity',
      scriptZh: '为了准确处理，麻烦提供一下相关的订单号，我核对一下您的账户信息。',
      scriptEn:
        "So we can handle this properly, could you give me the related order number? I'll check your account details.",
      mustVerify: ['order_number', 'account_identity'],
    }),
    step({
      key: 'record-complaint',
      titleZh: '完整记录投诉',
      titleEn: 'Record the complaint',
      scriptZh: '我把您反映的问题复述一遍，您看是否完整准确。如果有照片或聊天截图，也可以一起发给我。',
      scriptEn:
        'Let me repeat back what you told me so you can check it is complete and accurate. If you have photos or screenshots, please send them too.',
      mustVerify: ['complaint_details'],
    }),
    step({
      key: 'disclose-escalation-sla',
      titleZh: '告知升级与处理时效',
      titleEn: 'Disclose the escalation timeline',
      scriptZh:
        '我已经把您的投诉升级给资深客服专员，工单号已发送到您的消息中心。专员会在 24 小时内联系您，并在 3 个工作日内给出处理方案。',
      scriptEn:
        "I've escalated your complaint to a senior specialist and sent the case number to your message centre. The specialist will contact you within 24 hours and propose a resolution within 3 business days.",
      mustDisclose: ['escalation_sla', 'case_number'],
    }),
    step({
      key: 'offer-goodwill',
      titleZh: '表达歉意补偿',
      titleEn: 'Offer a goodwill gesture',
      scriptZh: '为表歉意，我先为您申请一张 20 元无门槛优惠券；其他补偿会由专员根据调查结果与您商定。',
      scriptEn:
        'As an apology, I can add a ¥20 no-minimum coupon to your account now; any further compensation will be agreed with you by the specialist after the review.',
      mustDisclose: ['compensation_limit'],
    }),
    confirmResolution(
      '再次向您致歉，专员联系您之前有任何新情况，都可以随时找我们。请问还有什么需要补充的吗？',
      'Again, I apologise. If anything changes before the specialist calls, just message us any time. Is there anything you would like to add?',
    ),
  ],
  phrasings: {
    zh: [
      '我要投诉你们的客服',
      '找你们领导来，这事必须给个说法',
      '这已经是第三次了，你们到底能不能解决',
      '态度太差了，我要投诉',
      '再不处理我就去消协投诉',
      '我要求升级处理，不想再跟机器人聊',
      '快递员态度恶劣还把东西摔坏了，我要投诉',
      '你们答应的补偿到现在都没兑现',
      '对处理结果很不满意，要求主管联系我',
      '一个问题拖了两个星期没人管，太失望了',
      '给我转你们经理',
    ],
    en: [
      'I want to file a complaint',
      'Let me speak to a manager',
      'This is the third time I contact you and nobody fixes anything. Escalate this.',
      'Your agent was rude to me',
      'Unacceptable service. I want this escalated to someone senior.',
      'I was promised compensation and never got it',
      "If this isn't fixed today I'm going to report you",
      'terrible experience, who do i complain to',
      'I need a supervisor to call me back',
      'Two weeks and my issue is still open. Really disappointed.',
      'The delivery guy threw my parcel over the fence and broke it. Complaint.',
    ],
  },
};

const MEMBERSHIP: SeedSop = {
  key: 'membership',
  skillKey: 'ecommerce.promotions',
  minLevel: 1,
  nameZh: '会员与积分',
  nameEn: 'Membership and points',
  resolutionZh: '已解答客户关于会员等级、积分或会员权益的问题',
  resolutionEn: "The customer's question about tiers, points or member benefits is answered",
  steps: [
    step({
      key: 'greet',
      titleZh: '问候并确认问题',
      titleEn: 'Greet and confirm the question',
      scriptZh: '您好，请问您想了解会员等级、积分，还是会员权益呢？',
      scriptEn: 'Hello! Would you like to know about membership tiers, points or member benefits?',
    }),
    step({
      key: 'verify-account',
      titleZh: '确认查询账号',
      titleEn: 'Confirm the account',
      scriptZh: '我先帮您查看账户的会员信息，请确认一下您当前登录的账号就是要查询的账号。',
      scriptEn:
        "I'll look up your membership details. Can you confirm the account you're signed in with is the one to check?",
      mustVerify: ['account_identity'],
    }),
    step({
      key: 'explain-tiers',
      titleZh: '说明会员等级与权益',
      titleEn: 'Explain tiers and benefits',
      scriptZh:
        '会员等级按近 12 个月的实付金额计算，每月初更新：有完成的订单就是银卡，满 3000 元升金卡，满 10000 元升铂金卡。金卡和铂金卡全场免基础运费，生日当月分别送 20 元和 50 元优惠券，铂金卡还有优先客服通道。',
      scriptEn:
        'Tiers are based on what you paid over the last 12 months and are updated at the start of each month: any completed order makes you Silver, ¥3,000 makes you Gold and ¥10,000 Platinum. Gold and Platinum get free standard shipping, a ¥20 or ¥50 birthday coupon respectively, and Platinum also gets a priority service queue.',
      mustDisclose: ['membership_tiers'],
    }),
    step({
      key: 'explain-points',
      titleZh: '说明积分规则',
      titleEn: 'Explain the points rules',
      scriptZh:
        '每实付 1 元积 1 分，金卡 1.5 倍、铂金卡 2 倍，确认收货 7 天后到账。100 积分抵扣 1 元，单笔最多抵扣实付金额的 20%，积分在获得次年的年底清零。',
      scriptEn:
        'You earn 1 point per ¥1 paid, 1.5 times that as Gold and 2 times as Platinum, credited 7 days after you confirm receipt. 100 points take ¥1 off, up to 20% of an order, and points expire at the end of the year after you earn them.',
      mustDisclose: ['points_rules'],
    }),
    confirmResolution(
      '以上就是会员和积分的规则，请问还有其他想了解的吗？',
      "That's how tiers and points work. Is there anything else you'd like to know?",
    ),
  ],
  phrasings: {
    zh: [
      '怎么升级金卡',
      '我的积分怎么还没到账',
      '积分怎么用',
      '铂金会员有什么权益',
      '积分会过期吗',
      '会员等级怎么降了',
      '生日券什么时候发',
      '100积分能抵多少钱',
      '金卡包邮吗',
      '今年买了好几千了怎么还是银卡',
      '会员积分规则是什么',
    ],
    en: [
      'how do i become a gold member',
      'Where are my points from my last order?',
      'What are the benefits of Platinum?',
      'Do points expire?',
      'How much is 100 points worth',
      'Why did my membership level drop?',
      'birthday coupon not received',
      'Is shipping free for gold members?',
      'how many points do i earn per purchase',
      'I spent a lot this year, why am I still Silver?',
      'Can I use points to pay for the whole order?',
    ],
  },
};

export const DEMO_SOPS: SeedSop[] = [
  REFUND,
  RETURN,
  EXCHANGE,
  LOGISTICS_DELAY,
  LOST_PARCEL,
  ADDRESS_CHANGE,
  INVOICE,
  ACCOUNT_LOCKED,
  PAYMENT_FAILED,
  COUPON,
  COMPLAINT_ESCALATION,
  MEMBERSHIP,
];
