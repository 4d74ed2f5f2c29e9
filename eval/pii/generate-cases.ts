/**
 * @module Generates eval/pii/cases.jsonl, the authored golden set: hand-written customer-service
 * messages (Chinese and English) whose PII slots are filled with realistic, checksum-correct
 * values and whose near-miss slots hold order numbers, tracking numbers, IDs and cards one check
 * digit off, version strings, masked values, hotlines and other look-alikes. Each template is
 * instantiated twice with different values and formats. Offsets are computed here, never typed.
 *
 * Annotation conventions (the detector is measured against these):
 * - PHONE includes a +86/0086/+1 prefix, brackets and separators; company hotlines (400/800/95xxx,
 *   US toll-free) are not personal data and are not labelled.
 * - PERSON is the full name only: no honorific (王小明先生 → 王小明; Ms. Emily Carter → Emily
 *   Carter). A surname with an honorific alone (张先生, Mr. Lee) is not labelled.
 * - ADDRESS needs street-level detail (road + number, estate, building or room); it runs from the
 *   first administrative unit given to the last unit (室/号/Apt) and, in English, through city,
 *   state and ZIP when they follow. A city or district alone is not labelled.
 * - DATE_OF_BIRTH is a birth date only; order, delivery and appointment dates are not labelled.
 * - Masked values (138****5678, card ending 1234) are not labelled: they are already safe.
 *
 * Run: `npx tsx eval/pii/generate-cases.ts` (rewrites the file; review the diff before committing).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../metrics/prng.ts';
import type { PiiCase } from './case.ts';
import { Values } from './generate-values.ts';

const OPEN = '\u27e6';
const SEP = '\u2502';
const CLOSE = '\u27e7';

/** Mark a PII value inside a template. */
export function E(type: string, value: string): string {
  return `${OPEN}${type}${SEP}${value}${CLOSE}`;
}

/** Strip the marks and return the text with its spans. */
export function parseMarked(marked: string): Pick<PiiCase, 'text' | 'entities'> {
  let text = '';
  const entities: PiiCase['entities'] = [];
  let i = 0;
  while (i < marked.length) {
    const open = marked.indexOf(OPEN, i);
    if (open < 0) {
      text += marked.slice(i);
      break;
    }
    text += marked.slice(i, open);
    const sep = marked.indexOf(SEP, open);
    const close = marked.indexOf(CLOSE, sep);
    const type = marked.slice(open + 1, sep);
    const value = marked.slice(sep + 1, close);
    entities.push({ type, start: text.length, end: text.length + value.length });
    text += value;
    i = close + 1;
  }
  return { text, entities };
}

type Template = (v: Values) => string;

const ZH_NAMES = [
  '张伟',
  '王芳',
  '李娜',
  '刘洋',
  '陈静',
  '杨帆',
  '赵磊',
  '黄丽',
  '周杰',
  '吴敏',
  '徐婷',
  '孙浩',
  '马超',
  '朱琳',
  '胡斌',
  '郭晶晶',
  '何雨桐',
  '林子轩',
  '罗欣怡',
  '郑浩然',
  '梁思远',
  '谢雨涵',
  '宋佳怡',
  '唐嘉豪',
  '韩梅梅',
  '冯志强',
  '曹雪',
  '曾文',
  '肖雅',
  '董明',
  '袁媛',
  '蒋欣',
  '蔡文静',
  '程亮',
  '苏晴',
  '魏然',
  '沈月',
  '姚远',
  '姜涛',
  '钟楠',
  '欧阳娜娜',
  '诸葛明',
  '上官婉',
  '田甜',
  '叶晓峰',
  '高建国',
  '石磊',
  '方圆',
];
const EN_NAMES = [
  'Sarah Johnson',
  'Michael Chen',
  'Emily Carter',
  'David Nguyen',
  'Jessica Brown',
  'Robert Miller',
  'Laura Martinez',
  'Daniel Kim',
  'Olivia Wilson',
  'James Anderson',
  'Maria Garcia',
  "Kevin O'Brien",
  'Priya Patel',
  'Thomas Wright',
  'Hannah Schmidt',
  'Ahmed Hassan',
  'Sophie Dubois',
  'Brian Walsh',
  'Andrew Thompson',
  'Natalie Ross',
  'Carlos Rivera',
  'Megan Foster',
  'Ryan Cooper',
  'Grace Liu',
];
const EN_FIRST = [
  'Sarah',
  'Michael',
  'Emily',
  'David',
  'Jessica',
  'Robert',
  'Laura',
  'Daniel',
  'Olivia',
  'James',
  'Priya',
  'Thomas',
];

const ZH_PLACES = [
  ['北京市', '海淀区', '中关村大街'],
  ['北京市', '朝阳区', '建国路'],
  ['北京市', '东城区', '东直门内大街'],
  ['上海市', '浦东新区', '张江路'],
  ['上海市', '徐汇区', '漕溪北路'],
  ['上海市', '静安区', '南京西路'],
  ['广东省深圳市', '南山区', '科技园南路'],
  ['广东省深圳市', '福田区', '深南大道'],
  ['广东省广州市', '天河区', '天河路'],
  ['浙江省杭州市', '西湖区', '文三路'],
  ['浙江省杭州市', '余杭区', '文一西路'],
  ['江苏省南京市', '鼓楼区', '中山北路'],
  ['四川省成都市', '武侯区', '人民南路'],
  ['湖北省武汉市', '洪山区', '珞喻路'],
  ['山东省青岛市', '市南区', '香港中路'],
  ['陕西省西安市', '雁塔区', '小寨东路'],
  ['天津市', '和平区', '南京路'],
  ['福建省厦门市', '思明区', '湖滨南路'],
  ['湖南省长沙市', '岳麓区', '麓山南路'],
  ['河南省郑州市', '金水区', '花园路'],
] as const;
const ESTATES = [
  '阳光花园',
  '万科城市花园',
  '碧桂园',
  '翠湖小区',
  '金地名苑',
  '绿地新村',
  '世纪公寓',
  '望京SOHO',
];

function zhAddress(v: Values, withProvince = true): string {
  const [prov, district, road] = v.pick(ZH_PLACES);
  const head = withProvince ? prov + district : district;
  const num = `${v.int(1, 999)}号`;
  const tail = v.pick([
    '',
    `${v.pick(ESTATES)}${v.int(1, 30)}栋${v.int(1, 6)}单元${v.int(1, 32)}0${v.int(1, 6)}室`,
    `${v.int(1, 20)}号楼${v.int(1, 28)}0${v.int(1, 8)}室`,
    `${v.pick(ESTATES)}${v.int(1, 12)}幢${v.int(1, 18)}0${v.int(1, 4)}室`,
    `${v.int(2, 30)}层`,
  ]);
  return head + road + num + tail;
}

const EN_STREETS = [
  'Maple',
  'Oak',
  'Pine',
  'Cedar',
  'Elm',
  'Washington',
  'Lincoln',
  'Park',
  'Lake',
  'Hillside',
  'Sunset',
  'Madison',
  'Highland',
  'Riverside',
  'Willow',
  'Chestnut',
];
const EN_TYPES = [
  'Street',
  'St',
  'Avenue',
  'Ave',
  'Road',
  'Rd',
  'Drive',
  'Dr',
  'Lane',
  'Blvd',
  'Court',
  'Way',
];
const EN_CITIES = [
  'Portland, OR 97205',
  'Austin, TX 78701',
  'Seattle, WA 98101',
  'Denver, CO 80202',
  'Boston, MA 02108',
  'Chicago, IL 60601',
  'San Jose, CA 95112',
  'Brooklyn, NY 11201',
  'Atlanta, GA 30303',
  'Columbus, OH 43215',
];

function enAddress(v: Values, full = true): string {
  const street = `${v.int(12, 9800)} ${v.pick(EN_STREETS)} ${v.pick(EN_TYPES)}`;
  const unit = v.pick([
    '',
    '',
    `, Apt ${v.int(1, 40)}${v.pick(['', 'B', 'C'])}`,
    ` Suite ${v.int(100, 900)}`,
  ]);
  return full ? `${street}${unit}, ${v.pick(EN_CITIES)}` : street + unit;
}

// ---------------------------------------------------------------------------------------------
// Chinese messages
// ---------------------------------------------------------------------------------------------
const ZH: Template[] = [
  (v) => `您好，我的手机号是${E('PHONE', v.mobileFormatted())}，麻烦帮我查一下订单${v.orderNo()}到哪了`,
  (v) =>
    `手机号换了，新号码${E('PHONE', v.mobileFormatted())}，旧的${v.pick(['138****5678', '139****0021', '186****3344'])}不用了`,
  (v) =>
    `收件人：${E('PERSON', v.pick(ZH_NAMES))}，电话：${E('PHONE', v.mobileFormatted())}，地址：${E('ADDRESS', zhAddress(v))}`,
  (v) => `我叫${E('PERSON', v.pick(ZH_NAMES))}，身份证号${E('CN_ID', v.cnId())}，想办理实名认证`,
  (v) =>
    `实名认证一直失败，身份证${E('CN_ID', v.cnId())}，姓名${E('PERSON', v.pick(ZH_NAMES))}，是哪里填错了吗？`,
  (v) => `订单号${v.cnIdBadCheck()}的商品什么时候发货？`,
  (v) => `我的订单编号是${v.orderNo()}，快递单号${v.tracking()}，三天了物流都没更新`,
  (v) =>
    `退款请打到我的银行卡${E('BANK_CARD', v.cardFormatted(v.cnCard()))}，户名${E('PERSON', v.pick(ZH_NAMES))}`,
  (v) => `卡号${v.badLuhn(v.cnCard())}提示无效，是不是我输错了`,
  (v) =>
    `我绑定的卡是${v.pick(['6222 **** **** 1234', '尾号8812的建行卡', '**** **** **** 0417'])}，帮我解绑一下`,
  (v) => `麻烦寄到${E('ADDRESS', zhAddress(v))}，收件人${E('PERSON', v.pick(ZH_NAMES))}`,
  (v) => `地址写错了，应该是${E('ADDRESS', zhAddress(v, false))}，不是原来那个`,
  (v) => `我住在${E('ADDRESS', zhAddress(v))}，快递员说找不到地方`,
  (v) =>
    `发票抬头写公司名，税号${E('USCC', v.uscc())}，发到邮箱${E('EMAIL', v.pick(['finance', 'caiwu', 'invoice', 'zhangwei.fin']) + '@' + v.pick(['163.com', 'qq.com', 'company.cn', 'sina.com']))}`,
  (v) => `统一社会信用代码：${E('USCC', v.uscc())}，开增值税专用发票`,
  (v) =>
    `我的邮箱是${E('EMAIL', `${v.pick(['zhangwei', 'lina_2021', 'wangfang88', 'liuyang', 'chenjing.sh', 'xiaoming'])}${v.int(1, 999)}@${v.pick(['163.com', 'qq.com', '126.com', 'foxmail.com', 'gmail.com'])}`)}，电子发票发这里就行`,
  (v) => `请联系我${E('EMAIL', `${v.digits(9)}@qq.com`)}或者打${E('PHONE', v.mobileFormatted())}`,
  (v) => `已经给您发到邮箱z***@163.com了，请注意查收，订单号${v.orderNo()}`,
  (v) =>
    `客服热线${v.pick(['400-820-8820', '4006-123-456', '95588', '800-810-8888', '95533'])}一直打不通，我的手机是${E('PHONE', v.mobileFormatted())}，请回电`,
  (v) => `验证码${v.digits(6)}收到了，但是登录不上，账号是手机号${E('PHONE', v.mobile())}`,
  (v) => `座机${E('PHONE', v.landline())}，白天一般有人接`,
  (v) => `公司电话${E('PHONE', v.landline())}，联系人${E('PERSON', v.pick(ZH_NAMES))}，工作日9点到6点`,
  (v) => `我的车牌号${E('LICENSE_PLATE', v.plate())}，停车费多扣了一次`,
  (v) => `ETC绑定的车是${E('LICENSE_PLATE', v.plate())}，这个月账单不对`,
  (v) => `护照号码${E('PASSPORT', v.cnPassport())}，机票上的名字是${E('PERSON', v.pick(ZH_NAMES))}`,
  (v) => `港澳通行证${E('PASSPORT', v.hkMacauPermit())}，下周去香港能用吗`,
  (v) => `我是香港居民，回乡证号码${E('PASSPORT', v.homeReturnPermit())}，可以注册吗`,
  (v) => {
    const { id, birth } = v.cnIdWithBirth();
    return `出生日期：${E('DATE_OF_BIRTH', birth)}，证件号${E('CN_ID', id)}`;
  },
  (v) => `我生日是${E('DATE_OF_BIRTH', v.zhDate())}，会员生日券怎么没收到`,
  (v) => `下单时间${v.recentDate('zh')}，承诺${v.int(2, 7)}天内发货，现在还没动静`,
  (v) => `我${v.recentDate('zh')}买的耳机，型号WH-1000XM${v.int(3, 5)}，左耳没声音`,
  (v) => `固件版本${v.version()}升级后连不上WiFi，路由器型号AX${v.int(3, 9)}000`,
  (v) => `登录提示异地登录，IP是${E('IP_ADDRESS', v.ipv4())}，不是我本人操作`,
  (v) => `后台显示登录IP ${E('IP_ADDRESS', v.ipv4())}，版本号${v.version()}，麻烦查一下`,
  (v) => `我的IPv6地址是${E('IP_ADDRESS', v.ipv6())}，一直被风控拦截`,
  (v) => `金额${v.int(10, 9999)}.${v.digits(2)}元已经扣了，订单${v.orderNo()}却显示未支付`,
  (v) => `邮编${v.pick(['518057', '100080', '200120', '310013', '610041'])}，${E('ADDRESS', zhAddress(v))}`,
  (v) =>
    `帮我改一下收货信息：${E('PERSON', v.pick(ZH_NAMES))} ${E('PHONE', v.mobileFormatted())} ${E('ADDRESS', zhAddress(v))}`,
  (v) => `联系人${E('PERSON', v.pick(ZH_NAMES))}，联系电话${E('PHONE', v.mobileFormatted())}`,
  (v) =>
    `持卡人${E('PERSON', v.pick(ZH_NAMES))}，信用卡${E('BANK_CARD', v.cardFormatted(v.cnCard()))}，帮我查一下这个月账单`,
  (v) =>
    `你好，我姓${v.pick(['张', '王', '李', '刘'])}，${v.pick(['张先生', '王女士', '李小姐', '刘老师'])}帮我下的单，订单号${v.orderNo()}`,
  (v) => `${E('PERSON', v.pick(ZH_NAMES))}先生您好，您的包裹已经到驿站了`,
  (v) => `麻烦转告${E('PERSON', v.pick(ZH_NAMES))}女士，她的快递${v.tracking()}被退回了`,
  () => `马上帮您处理，周一之前会有专员联系您，请保持电话畅通`,
  (v) => `高铁票改签了，能不能把发票重新开一下，金额${v.int(100, 999)}元`,
  (v) => `京东订单${v.digits(12)}，顺丰单号${v.tracking()}，东西坏了要退`,
  (v) => `身份证号${E('CN_ID', v.spaced(v.cnId(), [6, 8, 4], ' '))}，麻烦核对一下`,
  (v) =>
    `身份证 ${E('CN_ID', v.spaced(v.cnId(), [4, 4, 4, 4, 2], ' '))} 姓名 ${E('PERSON', v.pick(ZH_NAMES))}`,
  (v) => `身份证尾号${v.digits(4)}的那个账户，是我妈妈的`,
  (v) => `这个数字${v.cnIdBadCheck()}是商家给我的券码，怎么用`,
  (v) => `流水号${v.digits(18)}，交易失败但是钱扣了`,
  (v) => `银行卡号：${E('BANK_CARD', v.cnCard())}，开户行招商银行深圳分行`,
  (v) => `我用的是尾号${v.digits(4)}的信用卡，额度不够了`,
  (v) => `会员卡号${v.pick(['VIP', 'M'])}${v.digits(8)}，积分怎么少了`,
  (v) => `两个手机号${E('PHONE', v.mobile())}和${E('PHONE', v.mobile())}都可以联系我`,
  (v) => `电话${E('PHONE', v.mobileFormatted())}，微信同号`,
  (v) => `我老公${E('PERSON', v.pick(ZH_NAMES))}的手机${E('PHONE', v.mobileFormatted())}，有事找他也行`,
  (v) => `寄件人${E('PERSON', v.pick(ZH_NAMES))}，寄件地址${E('ADDRESS', zhAddress(v))}`,
  (v) => `快递放在${E('ADDRESS', zhAddress(v, false))}门口就行，谢谢`,
  (v) =>
    `请问你们门店在哪？我在${v.pick(['上海', '杭州', '成都', '深圳'])}，${v.pick(['浦东新区', '西湖区', '武侯区', '南山区'])}附近有吗`,
  (v) =>
    `帮我开发票，公司名称XX科技有限公司，税号${E('USCC', v.uscc())}，地址${E('ADDRESS', zhAddress(v))}，电话${E('PHONE', v.landline())}`,
  (v) => `商品编码${v.digits(13)}，条形码扫不出来`,
  (v) =>
    `系统版本${v.pick(['iOS 17.4.1', 'Android 14', 'HarmonyOS 4.2.0'])}，App版本${v.version()}，一打开就闪退`,
  (v) => `我在${v.recentDate('zh')}预约了上门安装，师傅电话${E('PHONE', v.mobileFormatted())}一直关机`,
  (v) => {
    const { id, birth } = v.cnIdWithBirth();
    return `被保险人${E('PERSON', v.pick(ZH_NAMES))}，证件号码${E('CN_ID', id)}，出生日期${E('DATE_OF_BIRTH', birth)}`;
  },
  (v) =>
    `乘机人${E('PERSON', v.pick(ZH_NAMES))}，护照${E('PASSPORT', v.cnPassport())}，手机${E('PHONE', v.mobileFormatted())}`,
  (v) => `工单号GD${v.recentDate('zh').replace(/\D/g, '')}${v.digits(3)}，问题还没解决`,
  (v) => `您好，充值${v.int(50, 500)}元到${E('PHONE', v.mobile())}，一直没到账`,
  (v) => `发送短信到${v.pick(['10086', '10010', '106980095588'])}查询余额没反应`,
  (v) => `我的号码${v.pick(['138****5678', '159****2201', '1**********'])}被停机了，能帮忙看看吗`,
  (v) => `老人机号码${E('PHONE', v.mobile())}，户主是我父亲${E('PERSON', v.pick(ZH_NAMES))}`,
  (v) => `新地址：${E('ADDRESS', zhAddress(v))}，电话不变`,
  (v) =>
    `这是我在${v.pick(['拼多多', '淘宝', '抖音'])}买的，订单号${v.orderNo()}，价格${v.int(10, 999)}元，帮忙看看能不能保价`,
  (v) =>
    `麻烦把发票寄到公司：${E('ADDRESS', zhAddress(v))}，${E('PERSON', v.pick(ZH_NAMES))}收，${E('PHONE', v.landline())}`,
  (v) =>
    `申请人${E('PERSON', v.pick(ZH_NAMES))}，身份证${E('CN_ID', v.cnId())}，银行卡${E('BANK_CARD', v.cardFormatted(v.cnCard()))}`,
  (v) => `信用卡${v.badLuhn(v.cnCard())}是不是被冻结了？`,
  (v) => `我的QQ邮箱${E('EMAIL', `${v.digits(v.int(8, 10))}@qq.com`)}收不到验证邮件`,
  (v) => `这张图里的车是${E('LICENSE_PLATE', v.plate())}，刮了我的车就跑了，请平台协助`,
  (v) => `快递柜取件码${v.digits(6)}，柜子编号${v.digits(4)}，打不开`,
  (v) => `积分兑换码${v.pick(['HX', 'JF', 'DH'])}${v.digits(10)}显示已使用`,
  (v) => `服务器${E('IP_ADDRESS', v.ipv4())}的带宽是不是被限速了，端口8080访问不了`,
  (v) => `订单${v.orderNo()}和订单${v.orderNo()}能合并发货吗`,
];

// ---------------------------------------------------------------------------------------------
// English messages
// ---------------------------------------------------------------------------------------------
const EN: Template[] = [
  (v) =>
    `Hi, my name is ${E('PERSON', v.pick(EN_NAMES))} and I'd like to update the phone number on my account to ${E('PHONE', v.usPhone())}.`,
  (v) => `Please call me back at ${E('PHONE', v.usPhone())}, I'm available after 5pm.`,
  (v) =>
    `You can reach me on ${E('PHONE', v.ukPhone())} or email ${E('EMAIL', `${v.pick(['j.smith', 'emily.carter', 'dnguyen', 'priya.p', 'mchen'])}${v.pick(['', '84', '2020'])}@${v.pick(['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com'])}`)}.`,
  (v) =>
    `My card ${E('BANK_CARD', v.cardFormatted(v.enCard()))} was charged twice for order #${v.digits(3)}-${v.digits(7)}-${v.digits(7)}.`,
  (v) =>
    `I lost my credit card, the number is ${E('BANK_CARD', v.cardFormatted(v.enCard()))}. Please block it.`,
  (v) => `The card ending in ${v.digits(4)} was declined, can you check why?`,
  (v) => `I typed ${v.badLuhn(v.enCard())} at checkout and it said invalid card number.`,
  (v) => `Tracking number ${v.enTracking()} hasn't updated in four days.`,
  (v) => `Order ${v.digits(3)}-${v.digits(7)}-${v.digits(7)} arrived damaged, I want a replacement.`,
  (v) => `Please ship it to ${E('ADDRESS', enAddress(v))}.`,
  (v) => `I moved. My new address is ${E('ADDRESS', enAddress(v))}.`,
  (v) => `Send the replacement to ${E('ADDRESS', enAddress(v, false))} please, same city.`,
  (v) => `My SSN is ${E('US_SSN', v.ssn())} if you need it for the tax form.`,
  (v) => `For verification: SSN ${E('US_SSN', v.ssn())}, date of birth ${E('DATE_OF_BIRTH', v.enDate())}.`,
  (v) =>
    `The form rejected ${v.pick(['000', '666', '912', '987'])}-${v.pad(v.int(1, 99), 2)}-${v.digits(4)}, is that not a valid SSN format?`,
  (v) => `I was born on ${E('DATE_OF_BIRTH', v.enDate())}, why does the system say I'm under 18?`,
  (v) => `DOB: ${E('DATE_OF_BIRTH', v.enDate())}. Name: ${E('PERSON', v.pick(EN_NAMES))}.`,
  (v) => `I placed the order on ${v.recentDate('en')} and it still hasn't shipped.`,
  (v) => `My appointment was moved to ${v.recentDate('en')} without notice.`,
  (v) =>
    `Dear ${v.pick(['Ms.', 'Mr.', 'Dr.'])} ${E('PERSON', v.pick(EN_NAMES))}, your refund of $${v.int(10, 999)}.${v.digits(2)} has been processed.`,
  (v) =>
    `Thanks for your patience, Mr. ${v.pick(['Lee', 'Smith', 'Brown', 'Garcia'])}. We'll update you within 24 hours.`,
  (v) => `This is ${E('PERSON', v.pick(EN_NAMES))}, I called yesterday about my internet outage.`,
  (v) =>
    `Account holder: ${E('PERSON', v.pick(EN_NAMES))}. Email: ${E('EMAIL', `${v.pick(['olivia.w', 'jamesand', 'laura.m', 'ryan.cooper'])}@${v.pick(['gmail.com', 'hotmail.com', 'proton.me'])}`)}.`,
  (v) => `Please add ${E('PERSON', v.pick(EN_NAMES))} as an authorized user on my account.`,
  (v) => `My IP address is ${E('IP_ADDRESS', v.ipv4())} and I keep getting blocked by your firewall.`,
  (v) => `We're on firmware ${v.version()} and the router still drops the connection every hour.`,
  (v) => `The app version is ${v.version()}, build ${v.digits(4)}, running on iOS 17.4.`,
  (v) => `Login attempt from ${E('IP_ADDRESS', v.ipv6())} wasn't me, please lock the account.`,
  (v) => `My passport number is ${E('PASSPORT', v.usPassport())}, I need it on the booking.`,
  (v) =>
    `Flight UA ${v.int(100, 999)} on ${v.recentDate('en')}, confirmation code ${v.pick(['8YXK2P', 'QW7R2T', 'LMN4PZ'])}.`,
  (v) => `Passport: ${E('PASSPORT', v.usPassport())}, expiry ${v.recentDate('en')}, nationality US.`,
  (v) =>
    `Our customer hotline is ${v.pick(['1-800-275-2273', '1-888-555-0199', '(877) 202-4555', '1-866-723-4512'])}, available 24/7.`,
  (v) => `Text me at ${E('PHONE', v.usPhone())} when the technician is on the way.`,
  (v) =>
    `My total was $${v.int(100, 4999)}.${v.digits(2)} but I was charged $${v.int(100, 4999)}.${v.digits(2)}.`,
  (v) => `The zip code ${v.pick(['94105', '10001', '60601', '73301'])} isn't accepted on your checkout page.`,
  (v) => `Ticket #${v.digits(7)} is still open after two weeks.`,
  (v) => `Invoice INV-${v.int(2023, 2025)}-${v.digits(5)} shows the wrong billing name.`,
  (v) => `Hi, I'm ${E('PERSON', v.pick(EN_FIRST))}. I can't log in since the update.`,
  (v) => `Hello, this is ${E('PERSON', v.pick(EN_NAMES))} from accounting. The PO is ${v.digits(8)}.`,
  (v) =>
    `Cardholder name: ${E('PERSON', v.pick(EN_NAMES))}, card number ${E('BANK_CARD', v.cardFormatted(v.enCard()))}, exp ${v.pad(v.int(1, 12), 2)}/${v.int(26, 30)}.`,
  (v) =>
    `Can you email the receipt to ${E('EMAIL', `${v.pick(['accounts', 'billing', 'ap'])}@${v.pick(['acme-corp.com', 'northwind.io', 'contoso.co.uk'])}`)}?`,
  (v) => `My wife's name is ${E('PERSON', v.pick(EN_NAMES))}, she should be on the reservation too.`,
  (v) => `Regards,\n${E('PERSON', v.pick(EN_NAMES))}`,
  (v) => `Thanks,\n${E('PERSON', v.pick(EN_NAMES))}\n${E('PHONE', v.usPhone())}`,
  (v) => `The package was left at ${E('ADDRESS', enAddress(v, false))} instead of my place.`,
  (v) => `Billing address: ${E('ADDRESS', enAddress(v))}. Shipping address is the same.`,
  (v) =>
    `ISBN ${v.pick(['978-3-16-148410-0', '978-0-306-40615-7'])} shows out of stock, when will it be back?`,
  (v) => `The serial number on the device is ${v.pick(['C02XG2JHJG5J', 'SN-4482-1190', 'F17ZK3LMN4'])}.`,
  (v) => `Your one-time passcode is ${v.digits(6)}. Do not share it with anyone.`,
  (v) => `My phone is ${v.pick(['(***) ***-0132', 'xxx-xxx-4521', '***-***-7789'])} on file, is that right?`,
  (v) => `SSN on file shows ***-**-${v.digits(4)}, that's correct.`,
  (v) => `I got a call from ${E('PHONE', v.usPhone())} claiming to be your support team. Was it really you?`,
  (v) =>
    `Please update my email from ${E('EMAIL', `${v.pick(['old.address', 'jbrown77', 'kim.d'])}@aol.com`)} to ${E('EMAIL', `${v.pick(['new.address', 'jess.brown', 'daniel.kim'])}@gmail.com`)}.`,
  (v) => `The meeting is at 14:30 on ${v.recentDate('en')}, room 4B.`,
  (v) =>
    `Model number ${v.pick(['A2342', 'SM-G991U', 'WH-1000XM5'])} stopped charging after ${v.int(2, 11)} months.`,
  (v) =>
    `Could ${E('PERSON', v.pick(EN_NAMES))} from your team call me? My number is ${E('PHONE', v.usPhone())}.`,
  (v) =>
    `I'm calling about my mother, ${E('PERSON', v.pick(EN_NAMES))}, date of birth ${E('DATE_OF_BIRTH', v.enDate())}.`,
  (v) => `Born ${E('DATE_OF_BIRTH', v.enDate())}, member since ${v.int(2005, 2020)}.`,
  (v) => `Delivery window: ${v.recentDate('en')} between 9am and 1pm.`,
  (v) =>
    `My license plate is ${E('LICENSE_PLATE', v.pick(['7ABC123', '8XYZ456', 'ABC-1234', 'KLM 4821']))} and the parking charge is wrong.`,
  (v) => `Server ${E('IP_ADDRESS', v.ipv4())} returns 502 since your maintenance last night.`,
  (v) => `Use version ${v.version()} or later to get the fix.`,
  (v) => `Please refund to the card I used, ending ${v.digits(4)}. Order total $${v.int(20, 500)}.00.`,
  (v) =>
    `My old card ${E('BANK_CARD', v.cardFormatted(v.enCard()))} expired, the new one is ${E('BANK_CARD', v.cardFormatted(v.enCard()))}.`,
  (v) =>
    `My account number is ${v.digits(10)} and routing ${v.pick(['021000021', '026009593', '121000358'])}.`,
  (v) => `Can you confirm the reservation under ${E('PERSON', v.pick(EN_NAMES))} for ${v.recentDate('en')}?`,
  (v) =>
    `Name: ${E('PERSON', v.pick(EN_NAMES))}\nPhone: ${E('PHONE', v.usPhone())}\nAddress: ${E('ADDRESS', enAddress(v))}`,
  (v) => `Hey, it's ${E('PERSON', v.pick(EN_FIRST))} again. Still waiting on the refund.`,
  () => `I can't access 192.168.0.1 to reset the router, the admin page doesn't load.`,
  (v) => `My customer number is ${v.digits(9)}, can you look me up?`,
  (v) =>
    `Please verify: ${E('PERSON', v.pick(EN_NAMES))}, SSN ${E('US_SSN', v.ssn())}, phone ${E('PHONE', v.usPhone())}.`,
  (v) => `I live at ${E('ADDRESS', enAddress(v))} and the technician never showed up.`,
  (v) =>
    `The confirmation email went to ${E('EMAIL', `${v.pick(['megan', 'carlos', 'natalie'])}.${v.pick(['foster', 'rivera', 'ross'])}@${v.pick(['gmail.com', 'yahoo.com'])}`)}, but I never received it.`,
  (v) =>
    `Price went from $${v.int(10, 99)}.99 to $${v.int(100, 199)}.99 overnight, version ${v.int(2, 9)}.${v.int(0, 9)} of the plan.`,
];

// ---------------------------------------------------------------------------------------------
// Harder messages, one instance each: formats and phrasings customers really use that a
// rule-based detector may miss (full-width digits, lower-case names, obfuscated e-mail …) and
// look-alikes it may wrongly flag (user-agent versions, partial numbers). Written before measuring.
// ---------------------------------------------------------------------------------------------
const ZH_HARD: Template[] = [
  () => `电话：${E('PHONE', '１３８１２３４５６７８')}，晚上打`,
  (v) => `手机尾号${v.digits(4)}的那个账号是我的`,
  (v) => `帮我查下${E('PERSON', v.pick(ZH_NAMES))}的订单，她是我同事`,
  (v) => `地址：${E('ADDRESS', `广东省 深圳市 南山区 科技园南路${v.int(1, 99)}号`)}`,
  (v) => `送到${E('ADDRESS', `朝阳区建国路${v.int(1, 200)}号`)}，前台代收`,
  (v) =>
    `公司在${E('ADDRESS', `海淀区中关村大街${v.int(1, 99)}号A座${v.int(5, 20)}0${v.int(1, 9)}`)}，工作日都在`,
  (v) => `身份证号码：${E('CN_ID', v.cnId().toLowerCase())}，最后一位是x`,
  (v) => `身份证${E('CN_ID', v.spaced(v.cnId(), [6, 8, 4], '-'))}，帮我核实`,
  (v) => `有事打我电话（${E('PHONE', `+86-${v.mobile()}`)}），谢谢`,
  (v) => `卡号是${E('BANK_CARD', v.spaced(v.cnCard(), [4, 4, 4, 4], '-'))}，尽快退款`,
  (v) => `卡号后四位${v.digits(4)}，帮我查一下有没有到账`,
  (v) => `我邮箱${E('EMAIL', `Zhang.Wei+shop${v.int(1, 99)}@Gmail.com`)}，大小写没关系吧`,
  (v) => `😭😭快递三天了还没到，我电话${E('PHONE', v.mobile())}👈请尽快联系`,
  (v) => `车牌${E('LICENSE_PLATE', `粤b${v.digits(5)}`)}，小写的可以吗`,
  (v) => `新能源车${E('LICENSE_PLATE', `沪AD${v.digits(5)}`)}充电桩一直扣费`,
  (v) =>
    `生日${E('DATE_OF_BIRTH', `${v.int(1970, 2000)}.${v.pad(v.int(1, 12), 2)}.${v.pad(v.int(1, 28), 2)}`)}，会员等级怎么算`,
  (v) => `台胞证号码${E('PASSPORT', v.digits(8))}，可以买票吗`,
  (v) =>
    `寄到${E('ADDRESS', `北京市朝阳区望京街${v.int(1, 20)}号院${v.int(1, 9)}号楼${v.int(1, 20)}0${v.int(1, 6)}`)}`,
  (v) => `连接服务器${E('IP_ADDRESS', `${v.ipv4()}`)}:8080超时`,
  (v) => `WiFi密码${v.digits(8)}，路由器管理地址192.168.1.1进不去`,
  (v) => `my phone ${E('PHONE', v.mobile())} 谢谢`,
  (v) => `收货人是我妈${E('PERSON', v.pick(ZH_NAMES))}，她不太会用手机`,
  (v) =>
    `${E('PERSON', v.pick(ZH_NAMES))}，${E('PHONE', v.mobileFormatted())}，${E('ADDRESS', zhAddress(v))}`,
  (v) => `淘宝订单号${v.int(1, 3)}${v.digits(18)}，退款怎么还没到`,
  (v) => `我的身份证号是${E('CN_ID', v.cnId())}，手机号${E('PHONE', v.mobile())}，帮我查询一下保单`,
  (v) => `姓名${E('PERSON', v.pick(ZH_NAMES))}性别女年龄${v.int(20, 60)}`,
  (v) => `价格${v.int(1000, 9999)}元，优惠券码${v.pick(['SAVE', 'NEW'])}${v.digits(6)}`,
  (v) => `${v.recentDate('zh')} ${v.int(10, 23)}:${v.pad(v.int(0, 59), 2)}下的单，运单号${v.tracking()}`,
  (v) => `老家地址是${E('ADDRESS', `湖南省长沙市岳麓区麓山南路${v.int(1, 500)}号`)}，现在住公司宿舍`,
  (v) => {
    const code = v.uscc();
    return `统一社会信用代码${code.slice(0, 17)}${code[17] === 'X' ? 'Y' : 'X'}，系统说校验不通过`;
  },
];

const EN_HARD: Template[] = [
  (v) =>
    `hi my name is ${E('PERSON', v.pick(['john smith', 'maria lopez', 'kevin wu']))} and i need help with my order`,
  (v) => `Name on card: ${E('PERSON', v.pick(['JOHN A SMITH', 'MARIA LOPEZ', 'KEVIN WU']))}`,
  () => `I'm ${E('PERSON', 'Oluwaseun')}, I ordered the blue one but got red.`,
  () => `Please contact my assistant, ${E('PERSON', 'Jane Doe')}, for scheduling.`,
  (v) => `Call my office line at ${E('PHONE', `${v.int(2, 9)}${v.digits(2)}-${v.digits(4)}`)} before noon.`,
  (v) => `My work number is ${E('PHONE', `${v.usPhone()} ext. ${v.int(10, 999)}`)}.`,
  (v) => `You can WhatsApp me at ${E('PHONE', `+44 7911 ${v.digits(6)}`)} while I'm abroad.`,
  () => `Our Sydney office is ${E('PHONE', '+61 2 9374 4000')}.`,
  (v) => `Mail it to ${E('ADDRESS', `PO Box ${v.int(100, 9999)}, Springfield, IL 62704`)}.`,
  () => `The store at ${E('ADDRESS', '350 5th Avenue, New York, NY 10118')} had it in stock.`,
  (v) => `ship to ${E('ADDRESS', `${v.int(10, 999)} main st`)} please`,
  () => `Deliver to ${E('ADDRESS', 'Unit 4, 22 Baker Street, London W1U 3BW')}.`,
  () => `DOB ${E('DATE_OF_BIRTH', '7/4/76')}, policy holder since 2001.`,
  (v) => `SSN ${E('US_SSN', v.ssn().replace(/-/g, ''))} for the credit check.`,
  (v) => `my social is ${E('US_SSN', v.ssn().replace(/-/g, ' '))}`,
  (v) => `[2024-05-01 14:30:22] login from ${E('IP_ADDRESS', v.ipv4())} flagged as suspicious`,
  () =>
    `User agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0.0.0 Safari/537.36`,
  () => `Testing checkout with ${E('BANK_CARD', '4242 4242 4242 4242')} fails on your sandbox.`,
  () => `Amex ${E('BANK_CARD', '3782 822463 10005')} was declined.`,
  (v) => {
    const card = v.enCard();
    return `my card number is ${E('BANK_CARD', card.length === 16 ? v.spaced(card, [4, 4, 4, 4], '-') : card)}`;
  },
  () => `email me at ${E('EMAIL', 'john dot smith at gmail dot com')}`,
  (v) => `Passport No. ${E('PASSPORT', v.usPassport())}, issued 2019.`,
  () => `License plate number ${E('LICENSE_PLATE', '6TRJ244')}, silver Camry.`,
  (v) =>
    `Order #${v.digits(3)}-${v.digits(7)}-${v.digits(7)} for ${E('PERSON', v.pick(EN_NAMES))}, phone ${E('PHONE', v.usPhone())}`,
  (v) =>
    `Hi team, please refund ${E('PERSON', v.pick(EN_NAMES))} (${E('EMAIL', `${v.pick(['sj', 'mc', 'ec'])}${v.int(10, 99)}@gmail.com`)}).`,
  () => `I'm Happy with the fix, thanks!`,
  () => `This is Urgent: my account was hacked.`,
  (v) => `Version ${v.version()} was released on ${v.recentDate('en')}.`,
  (v) => `ZIP+4 is ${v.digits(5)}-${v.digits(4)}, not what you have on file.`,
];

function build(): PiiCase[] {
  const v = new Values(mulberry32(20260117));
  const out: PiiCase[] = [];
  for (const [lang, templates] of [
    ['zh', ZH],
    ['en', EN],
  ] as const) {
    let n = 0;
    for (const t of templates) {
      for (let k = 0; k < 2; k++) {
        const { text, entities } = parseMarked(t(v));
        n++;
        out.push({ id: `pii-${lang}-${String(n).padStart(3, '0')}`, lang, text, entities });
      }
    }
  }
  for (const [lang, templates] of [
    ['zh', ZH_HARD],
    ['en', EN_HARD],
  ] as const) {
    templates.forEach((t, i) => {
      const { text, entities } = parseMarked(t(v));
      out.push({ id: `pii-${lang}-hard-${String(i + 1).padStart(2, '0')}`, lang, text, entities });
    });
  }
  return out;
}

export const CASES_PATH = fileURLToPath(new URL('./cases.jsonl', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const cases = build();
  writeFileSync(CASES_PATH, `${cases.map((c) => JSON.stringify(c)).join('\n')}\n`);
  console.log(`wrote ${cases.length} cases to ${CASES_PATH}`);
}
