/**
 * @module Co-pilot island of the QA workspace: adds the acceptance, promotion and golden-reply card
 * under the suites table. Its own bundle, listed beside the QA island by the page, so the QA
 * island itself is untouched.
 */
import type { Strings } from '../i18n.ts';
import { createCopilotQaCard } from './lib/copilot/qa-card.ts';
import { addStyles, COPILOT_QA_STYLES } from './lib/copilot/styles.ts';
import { byId } from './lib/dom.ts';
import { makeT, readPageData } from './lib/page-data.ts';

const data = readPageData<{ strings: Partial<Strings> }>();
addStyles('copilot-qa-styles', COPILOT_QA_STYLES);
byId('panel-suites').append(createCopilotQaCard(makeT(data.strings)));
