/**
 * ЕГИССО format-logical control rule codes seen in processing protocols and in the ЕЦП.МИС
 * «Детализация отправки пакета» form, with a plain explanation and what to fix. Codes not listed here are
 * still shown, with the report text ЕГИССО gave — never hidden.
 */
import { quote } from '../quote';

export interface RuleCodeText {
  /** What the rule means, in plain Russian. */
  title: string;
  /** What the official does about it. */
  fix: string;
}

export interface RuleCodeInfo extends RuleCodeText {
  code: string;
  /** The ЕГИССО message the code is known from (its protocol answers that message). */
  message: string;
  /** Phrasing when the code comes with messageType 2 (warning) and means something else then (018). */
  warning?: RuleCodeText;
  /** Phrasing for another message type the code appears in. */
  byMessage?: Readonly<Record<string, RuleCodeText>>;
}

/** What the context of a code is: the message the protocol answers, and whether it came as a warning. */
export interface RuleCodeContext {
  message?: string;
  warning?: boolean;
}

const LMSZ_RESEND = 'исправьте карточку меры в «Реестре ЛМСЗ» и сформируйте пакет для отправки в ЕГИССО заново';

/** 10.05.I: a code of the LMSZ card not found in one of ЕГИССО's directories. */
function notInDirectory(code: string, field: string, directory: string): RuleCodeInfo {
  return {
    code,
    message: '10.05.I',
    title: `${field} меры (ЛМСЗ) не найден в справочнике ЕГИССО «${directory}».`,
    fix: `Выберите в карточке ЛМСЗ значение из действующего справочника «${directory}» (если справочник устарел — «Журнал запросов» → «Запросить обновления КМСЗ»), затем ${LMSZ_RESEND}.`,
  };
}

export const RULE_CODES: Readonly<Record<string, RuleCodeInfo>> = {
  '001': notInDirectory('001', 'Код раздела КМСЗ', 'Структура КМСЗ'),
  '002': notInDirectory('002', 'Код меры соцзащиты (МСЗ)', 'Реестр МСЗ'),
  '003': notInDirectory('003', 'Код категории получателей', 'Категории получателей'),
  '004': notInDirectory('004', 'Код формы предоставления', 'Форма предоставления'),
  '005': notInDirectory('005', 'Код уровня финансирования', 'Уровень финансирования'),
  '006': notInDirectory('006', 'Код уровня нормативного акта', 'Уровни регулирования'),
  '007': notInDirectory('007', 'Код территории по ОКТМО', 'ОКТМО'),
  '008': notInDirectory('008', 'Код периодичности предоставления', 'Периодичность предоставления'),
  '014': {
    code: '014',
    message: '10.06.S',
    title: 'Идентификатор локальной меры (ЛМСЗ), указанный в записи, не найден в реестре ЛМСЗ ЕГИССО.',
    fix:
      'Сначала передайте меру в ЕГИССО («Реестр ЛМСЗ» → «Сформировать пакет для отправки в ЕГИССО») и дождитесь статуса «Передан успешно», ' +
      'затем отправьте записи заново. Проверьте, что в записи выбрана та же мера, что передана в ЕГИССО.',
  },
  '015': {
    code: '015',
    message: '10.05.I',
    title: 'Код источника финансирования меры (ЛМСЗ) указан неверно.',
    fix: `Выберите источник финансирования из справочника на вкладке «Софинансирование» карточки ЛМСЗ, затем ${LMSZ_RESEND}.`,
  },
  '016': {
    code: '016',
    message: '10.05.I',
    title: 'Доли софинансирования меры (ЛМСЗ) в сумме не дают 100%.',
    fix: `Исправьте доли источников финансирования на вкладке «Софинансирование» так, чтобы в сумме было ровно 100, затем ${LMSZ_RESEND}.`,
  },
  '018': {
    code: '018',
    message: '10.05.I',
    title: 'Суммарный код уровня финансирования меры (ЛМСЗ) не найден в справочнике «Уровень финансирования».',
    fix: `Проверьте источники и уровни финансирования на вкладке «Софинансирование» карточки ЛМСЗ: такого сочетания нет в справочнике. Исправьте их, затем ${LMSZ_RESEND}.`,
    warning: {
      title: 'Сочетание меры и категории получателей не найдено в правилах классификатора мер (КМСЗ).',
      fix:
        'Мера принята, но проверьте категорию получателей в карточке ЛМСЗ (вкладка «Категории получателей»): сочетание должно быть в КМСЗ. ' +
        'Если классификатор устарел, запросите обновление («Журнал запросов» → «Запросить обновления КМСЗ»).',
    },
  },
  '019': {
    code: '019',
    message: '10.06.S',
    title: 'Дата решения о назначении, дата начала или дата окончания назначения не входит в срок действия локальной меры.',
    fix:
      'Сверьте даты в «Сведениях о формах назначения» со сроком действия ЛМСЗ («Начало действия» — «Окончание действия» в карточке меры). ' +
      'Исправьте даты назначения или, если мера действует дольше, исправьте срок действия ЛМСЗ, передайте её в ЕГИССО и отправьте записи снова.',
    warning: {
      title: 'Дата решения или дата начала назначения не входит в срок действия локальной меры.',
      fix: 'Запись принята, но сверьте даты назначения со сроком действия ЛМСЗ в карточке меры и при ошибке исправьте запись или срок меры.',
    },
  },
  '022': {
    code: '022',
    message: '10.05.I',
    title: 'КБК меры (ЛМСЗ) указан неверно.',
    fix: `КБК — 20 цифр, без букв (например, «FF…» не подходит). Исправьте КБК в карточке ЛМСЗ, затем ${LMSZ_RESEND}.`,
  },
  '026': {
    code: '026',
    message: '10.06.S',
    title: 'Форма предоставления в записи о назначении не совпадает с формой предоставления, указанной у ЛМСЗ.',
    fix:
      'Выберите в «Сведениях о назначении» ту же форму предоставления, что в карточке ЛМСЗ (денежная, натуральная, услуги, льготы), ' +
      'или исправьте форму у самой меры и передайте её в ЕГИССО до повторной отправки записей.',
  },
  '039': {
    code: '039',
    message: '10.15.I',
    title: 'Точка присутствия, указанная в записи, не найдена в ЕГИССО.',
    fix: 'Проверьте код точки присутствия (сначала её сведения должны быть переданы в ЕГИССО), исправьте запись и отправьте её снова.',
  },
  '051': {
    code: '051',
    message: '10.21.S',
    title: 'Дата рождения получателя позже даты загрузки записи.',
    fix: 'Проверьте дату рождения в «Сведениях о лице»: скорее всего, опечатка в годе. Исправьте её и отправьте запись снова.',
  },
  '059': {
    code: '059',
    message: '10.06.S',
    title: 'Критерий нуждаемости в записи указан повторно, не найден в справочнике или не указан у локальной меры (ЛМСЗ).',
    fix:
      'На вкладке «Критерии нуждаемости» записи оставьте каждый критерий один раз и только те, что есть в карточке ЛМСЗ ' +
      '(или добавьте критерий в карточку ЛМСЗ и передайте меру в ЕГИССО), затем отправьте запись снова.',
  },
  '066': {
    code: '066',
    message: '10.22.I',
    title: 'Такая запись о прожиточном минимуме уже есть в ЕГИССО (тот же субъект и период).',
    fix: 'Повторно эту запись отправлять не нужно. Если значение изменилось, передайте изменение существующей записи, а не новую запись.',
  },
};

/** Normalises "19", "019", " 019 " to the three-digit form used by ЕГИССО. */
export function normaliseRuleCode(code: string): string {
  const c = code.trim();
  return /^\d{1,2}$/.test(c) ? c.padStart(3, '0') : c;
}

export function ruleCodeInfo(code: string): RuleCodeInfo | null {
  return RULE_CODES[normaliseRuleCode(code)] ?? null;
}

/**
 * One line for the official: the catalogue's explanation and fix, or — for a code the extension does not
 * know — ЕГИССО's own report text.
 */
export function explainRuleCode(code: string, reportText?: string, ctx: RuleCodeContext = {}): { title: string; fix: string; known: boolean } {
  const info = ruleCodeInfo(code);
  if (info) {
    const t = (ctx.warning && info.warning) || (ctx.message && info.byMessage?.[ctx.message]) || info;
    return { title: t.title, fix: t.fix, known: true };
  }
  const text = reportText?.trim().replace(/\.$/, '');
  return {
    title: text ? `ЕГИССО сообщает: ${quote(text)}.` : 'ЕГИССО не дало пояснения.',
    fix: 'Этого кода нет в справочнике расширения: исправьте запись по тексту сообщения ЕГИССО; если непонятно, что исправить, обратитесь в поддержку ЕГИССО, приложив протокол.',
    known: false,
  };
}
