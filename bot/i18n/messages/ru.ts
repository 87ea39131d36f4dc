import type { CoreMessages } from './en.js';

export const ru: CoreMessages = {
  'errors.validation_failed': 'Некоторые поля требуют исправления.',
  'errors.not_found': 'Объект не найден ({entity}).',
  'errors.version_conflict':
    'Кто-то другой изменил этот объект ({entity}), пока вы его редактировали. Вот текущая версия.',
  'errors.duplicate': 'Такой объект ({entity}) уже существует.',
  'errors.forbidden': 'У вас нет прав на это действие.',
  'errors.forbidden.not_project_owner':
    'Это действие в данном проекте может выполнить только владелец проекта, его руководители или Управление преобразований.',
  'errors.forbidden.not_risk_editor':
    'Изменить этот риск может только его владелец, владелец проекта или Управление преобразований.',
  'errors.forbidden.role_required_cto': 'Это действие может выполнить только Управление преобразований.',
  'errors.forbidden.not_kpi_editor':
    'Изменить этот показатель может только его владелец, владелец проекта, руководитель направления или Управление преобразований.',
  'errors.forbidden.inactive_person':
    'Ваш доступ к Transformation Hub не активен. Обратитесь в Управление преобразований.',
  'errors.forbidden.development_identity_refused':
    'Здесь не принимается учетная запись разработки. Войдите с учетной записью организации.',
  'errors.unauthenticated': 'Войдите, чтобы продолжить.',
  'errors.consent_required':
    'Transformation Hub нужно ваше разрешение на чтение профиля Microsoft 365. Нажмите «Предоставить доступ» и повторите попытку.',
  'notices.write_queued':
    'Сохранено. SharePoint сейчас занят, поэтому изменение будет синхронизировано в ближайшее время.',
  'errors.throttled': 'Сейчас слишком много запросов. Повторите попытку через минуту.',
  'errors.unavailable': 'Служба временно недоступна. Повторите попытку позже.',
  'errors.internal':
    'На нашей стороне произошла ошибка. Повторите попытку; если ошибка повторится, укажите код {correlationId}.',
  'errors.bad_json': 'Тело запроса не является корректным JSON.',
  'errors.route_not_found': 'Такого адреса в API нет.',
  'errors.method_not_allowed': 'Этот адрес не поддерживает данный метод.',
  'errors.payload_too_large': 'Запрос слишком большой.',
  'errors.unsupported_media_type': 'Отправьте тело запроса в формате JSON (Content-Type: application/json).',
  'errors.precondition_required': 'Укажите изменяемую версию (заголовок If-Match или поле «version»).',
  'entity.project': 'проект',
  'entity.status-update': 'отчет о ходе работ',
  'entity.risk': 'риск',
  'entity.milestone': 'этап',
  'entity.kpi': 'ключевой показатель',
  'entity.measurement': 'измерение',
  'entity.person': 'сотрудник',
  'entity.settings': 'настройки',
  'validation.required': 'Это поле обязательно.',
  'validation.too_small': 'Значение должно быть не меньше {minimum}.',
  'validation.too_small.string':
    'Введите не менее {minimum, plural, one {# символа} few {# символов} many {# символов} other {# символа}}.',
  'validation.too_small.array': 'Выберите не менее {minimum}.',
  'validation.too_big': 'Значение должно быть не больше {maximum}.',
  'validation.too_big.string':
    'Введите не более {maximum, plural, one {# символа} few {# символов} many {# символов} other {# символа}}.',
  'validation.too_big.array': 'Выберите не более {maximum}.',
  'validation.invalid_type': 'Неверный тип значения.',
  'validation.invalid_value': 'Выберите один из вариантов: {allowed}.',
  'validation.invalid_format': 'Значение имеет неверный формат.',
  'validation.unrecognized_keys': 'Неизвестные поля: {keys}.',
  'validation.unknown_person': 'Этого сотрудника нет в списке.',
  'validation.unknown_project': 'Этого проекта нет в портфеле.',
  'validation.taken': 'Это значение уже используется.',
  'validation.self_dependency': 'Проект не может зависеть от самого себя.',
  'validation.period_not_reportable':
    'Отчеты можно публиковать за текущую неделю ({current}) или за четыре предыдущие недели.',
  'validation.invalid': 'Недопустимое значение.',
  // Security edge (issue 12): rate limits, cross-site requests, request text.
  'errors.rate_limited': 'Вы отправили слишком много запросов. Подождите {seconds} с и повторите попытку.',
  'errors.origin_refused': 'Этот запрос пришёл с другого веб-сайта и был отклонён.',
  'errors.invalid_encoding': 'Тело запроса не является корректным текстом в кодировке UTF-8.',
  'errors.idempotency_key_reused':
    'Этот Idempotency-Key уже использовался для другого объекта ({entity}). Для нового запроса используйте новый ключ.',
  'validation.invalid_characters':
    'Текст содержит символы, которые нельзя сохранить (повреждённые или зарезервированные символы).',
};
