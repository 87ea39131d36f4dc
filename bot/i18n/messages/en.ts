// English is the reference catalogue: every other language must have exactly these keys (the type
// checker enforces it, and test/i18n checks that none is empty).
export const en = {
  'errors.validation_failed': 'Some fields need attention.',
  'errors.not_found': 'We could not find that {entity}.',
  'errors.version_conflict':
    'Someone else changed this {entity} while you were editing. Here is the current version.',
  'errors.duplicate': 'This {entity} already exists.',
  'errors.forbidden': 'You do not have permission to do that.',
  'errors.forbidden.not_project_owner':
    'Only the project owner, its leads or the Transformation Office can do that for this project.',
  'errors.forbidden.not_risk_editor':
    'Only the risk owner, the project owner or the Transformation Office can change this risk.',
  'errors.forbidden.role_required_cto': 'Only the Transformation Office can do that.',
  'errors.forbidden.not_kpi_editor':
    'Only the KPI owner, its project owner or pillar lead, or the Transformation Office can change this KPI.',
  'errors.forbidden.inactive_person':
    'Your access to Transformation Hub is not active. Please contact the Transformation Office.',
  'errors.forbidden.development_identity_refused':
    'The development identity is not accepted here. Sign in with your organisation account.',
  'errors.unauthenticated': 'Please sign in to continue.',
  'errors.consent_required':
    'Transformation Hub needs your permission to read your profile from Microsoft 365. Select “Grant access” and try again.',
  'notices.write_queued': 'Saved. SharePoint is busy, so this change will sync shortly.',
  'errors.throttled': 'Too many requests right now. Please try again in a moment.',
  'errors.unavailable': 'The service is temporarily unavailable. Please try again shortly.',
  'errors.internal':
    'Something went wrong on our side. Please try again; if it keeps happening, quote reference {correlationId}.',
  'errors.bad_json': 'The request body is not valid JSON.',
  'errors.route_not_found': 'There is no such address in this API.',
  'errors.method_not_allowed': 'This address does not accept that method.',
  'errors.payload_too_large': 'The request is too large.',
  'errors.unsupported_media_type': 'Send the request body as JSON (Content-Type: application/json).',
  'errors.precondition_required': 'Say which version you are changing (If-Match header or "version" field).',
  'entity.project': 'project',
  'entity.status-update': 'status update',
  'entity.risk': 'risk',
  'entity.milestone': 'milestone',
  'entity.kpi': 'KPI',
  'entity.measurement': 'measurement',
  'entity.person': 'person',
  'entity.settings': 'setting',
  'validation.required': 'This field is required.',
  'validation.too_small': 'Must be at least {minimum}.',
  'validation.too_small.string': 'Must be at least {minimum} characters.',
  'validation.too_small.array': 'Choose at least {minimum}.',
  'validation.too_big': 'Must be at most {maximum}.',
  'validation.too_big.string': 'Must be at most {maximum} characters.',
  'validation.too_big.array': 'Choose at most {maximum}.',
  'validation.invalid_type': 'This value has the wrong type.',
  'validation.invalid_value': 'Choose one of: {allowed}.',
  'validation.invalid_format': 'This value is not in the expected format.',
  'validation.unrecognized_keys': 'Unknown fields: {keys}.',
  'validation.unknown_person': 'This person is not on the roster.',
  'validation.unknown_project': 'This project is not in the portfolio.',
  'validation.taken': 'This value is already used.',
  'validation.self_dependency': 'A project cannot depend on itself.',
  'validation.period_not_reportable':
    'Updates can be posted for the current week ({current}) or the four weeks before it.',
  'validation.invalid': 'This value is not valid.',
  // Security edge (issue 12): rate limits, cross-site requests, request text.
  'errors.rate_limited': 'You have sent too many requests. Please wait {seconds} s and try again.',
  'errors.origin_refused': 'This request came from another website and was refused.',
  'errors.invalid_encoding': 'The request body is not valid UTF-8 text.',
  'errors.idempotency_key_reused':
    'This Idempotency-Key was already used for a different {entity}. Use a new key for a new request.',
  'validation.invalid_characters':
    'This text contains characters that cannot be stored (broken or reserved characters).',
} as const;

export type CoreKey = keyof typeof en;
export type CoreMessages = Readonly<Record<CoreKey, string>>;
