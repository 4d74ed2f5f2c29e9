/**
 * @module Stopwords for English and Chinese. Negations ('not', 'no', '不', '没') and question words
 * ('how', 'why', '怎么') are deliberately kept: in customer messages they separate intents such as
 * "my card works" and "my card doesn't work".
 */

/** English function words, lower-case, before stemming. */
export const EN_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then else of at by for with about against between into through during before after ' +
    'above below to from up down in out on off over under again further once here there all any both each few ' +
    'more most other some such own same so than too very s t just i me my myself we our ours ourselves you your ' +
    'yours yourself yourselves he him his himself she her hers herself it its itself they them their theirs ' +
    'themselves this that these those am is are was were be been being have has had having do does did doing ' +
    'would should could ought im ive id youre youve hes shes its were theyre thats theres lets please hi hello ' +
    'hey thanks thank ok okay as until while because also will shall may might must can'
  ).split(' '),
);

/**
 * Chinese single-character particles and pronouns. Applied to character unigrams only; a bigram is
 * dropped when both of its characters are stopwords ('我的', '了吗').
 */
export const ZH_STOPWORDS: ReadonlySet<string> = new Set(
  '的 了 吗 呢 吧 啊 呀 哦 嗯 哈 么 嘛 啦 哎 诶 喔 我 你 您 他 她 它 们 这 那 是 在 就 都 也 还 和 与 及 或 个 把 被 给 让 得 地 着 过 请 好'.split(
    ' ',
  ),
);
