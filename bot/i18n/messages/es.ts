import type { CoreMessages } from './en.js';

export const es: CoreMessages = {
  'errors.validation_failed': 'Algunos campos requieren atención.',
  'errors.not_found': 'No se encontró el elemento ({entity}).',
  'errors.version_conflict':
    'Otra persona modificó este elemento ({entity}) mientras usted lo editaba. Esta es la versión actual.',
  'errors.duplicate': 'Este elemento ({entity}) ya existe.',
  'errors.forbidden': 'No tiene permiso para hacer eso.',
  'errors.forbidden.not_project_owner':
    'Solo el responsable del proyecto, sus jefes o la Oficina de Transformación pueden hacer eso en este proyecto.',
  'errors.forbidden.not_risk_editor':
    'Solo el propietario del riesgo, el responsable del proyecto o la Oficina de Transformación pueden modificar este riesgo.',
  'errors.forbidden.role_required_cto': 'Solo la Oficina de Transformación puede hacer eso.',
  'errors.forbidden.not_kpi_editor':
    'Solo el propietario del indicador, el responsable del proyecto o del pilar, o la Oficina de Transformación pueden modificar este indicador.',
  'errors.forbidden.inactive_person':
    'Su acceso a Transformation Hub no está activo. Póngase en contacto con la Oficina de Transformación.',
  'errors.forbidden.development_identity_refused':
    'Aquí no se acepta la identidad de desarrollo. Inicie sesión con su cuenta de la organización.',
  'errors.unauthenticated': 'Inicie sesión para continuar.',
  'errors.consent_required':
    'Transformation Hub necesita su permiso para leer su perfil de Microsoft 365. Seleccione «Conceder acceso» e inténtelo de nuevo.',
  'notices.write_queued': 'Guardado. SharePoint está ocupado, así que este cambio se sincronizará en breve.',
  'errors.throttled': 'Demasiadas solicitudes en este momento. Vuelva a intentarlo en un instante.',
  'errors.unavailable': 'El servicio no está disponible temporalmente. Vuelva a intentarlo en breve.',
  'errors.internal':
    'Se produjo un error por nuestra parte. Vuelva a intentarlo; si el problema persiste, indique la referencia {correlationId}.',
  'errors.bad_json': 'El cuerpo de la solicitud no es un JSON válido.',
  'errors.route_not_found': 'Esta dirección no existe en la API.',
  'errors.method_not_allowed': 'Esta dirección no acepta ese método.',
  'errors.payload_too_large': 'La solicitud es demasiado grande.',
  'errors.unsupported_media_type':
    'Envíe el cuerpo de la solicitud en JSON (Content-Type: application/json).',
  'errors.precondition_required':
    'Indique qué versión está modificando (encabezado If-Match o campo «version»).',
  'entity.project': 'proyecto',
  'entity.status-update': 'informe de situación',
  'entity.risk': 'riesgo',
  'entity.milestone': 'hito',
  'entity.kpi': 'indicador clave',
  'entity.measurement': 'medición',
  'entity.person': 'persona',
  'entity.settings': 'configuración',
  'validation.required': 'Este campo es obligatorio.',
  'validation.too_small': 'Debe ser al menos {minimum}.',
  'validation.too_small.string': 'Debe tener al menos {minimum} caracteres.',
  'validation.too_small.array': 'Elija al menos {minimum}.',
  'validation.too_big': 'Debe ser como máximo {maximum}.',
  'validation.too_big.string': 'Debe tener como máximo {maximum} caracteres.',
  'validation.too_big.array': 'Elija como máximo {maximum}.',
  'validation.invalid_type': 'Este valor no es del tipo correcto.',
  'validation.invalid_value': 'Elija una de estas opciones: {allowed}.',
  'validation.invalid_format': 'Este valor no tiene el formato esperado.',
  'validation.unrecognized_keys': 'Campos desconocidos: {keys}.',
  'validation.unknown_person': 'Esta persona no figura en la lista del personal.',
  'validation.unknown_project': 'Este proyecto no forma parte de la cartera.',
  'validation.taken': 'Este valor ya está en uso.',
  'validation.self_dependency': 'Un proyecto no puede depender de sí mismo.',
  'validation.period_not_reportable':
    'Los informes pueden publicarse para la semana en curso ({current}) o las cuatro semanas anteriores.',
  'validation.invalid': 'Este valor no es válido.',
  // Security edge (issue 12): rate limits, cross-site requests, request text.
  'errors.rate_limited': 'Ha enviado demasiadas solicitudes. Espere {seconds} s y vuelva a intentarlo.',
  'errors.origin_refused': 'Esta solicitud procede de otro sitio web y se ha rechazado.',
  'errors.invalid_encoding': 'El cuerpo de la solicitud no es texto UTF-8 válido.',
  'errors.idempotency_key_reused':
    'Esta Idempotency-Key ya se utilizó para otro elemento ({entity}). Use una clave nueva para una solicitud nueva.',
  'validation.invalid_characters':
    'Este texto contiene caracteres que no se pueden guardar (caracteres incompletos o reservados).',
};
