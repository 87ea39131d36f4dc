import type { CoreMessages } from './en.js';

export const fr: CoreMessages = {
  'errors.validation_failed': 'Certains champs doivent être corrigés.',
  'errors.not_found': 'Élément introuvable ({entity}).',
  'errors.version_conflict':
    "Quelqu'un d'autre a modifié cet élément ({entity}) pendant que vous le modifiiez. Voici la version actuelle.",
  'errors.duplicate': 'Cet élément ({entity}) existe déjà.',
  'errors.forbidden': "Vous n'avez pas l'autorisation de faire cela.",
  'errors.forbidden.not_project_owner':
    'Seuls le responsable du projet, ses chefs de projet ou le Bureau de la transformation peuvent faire cela pour ce projet.',
  'errors.forbidden.not_risk_editor':
    'Seuls le propriétaire du risque, le responsable du projet ou le Bureau de la transformation peuvent modifier ce risque.',
  'errors.forbidden.role_required_cto': 'Seul le Bureau de la transformation peut faire cela.',
  'errors.forbidden.not_kpi_editor':
    "Seuls le propriétaire de l'indicateur, le responsable du projet ou du pilier, ou le Bureau de la transformation peuvent modifier cet indicateur.",
  'errors.forbidden.inactive_person':
    "Votre accès à Transformation Hub n'est pas actif. Veuillez contacter le Bureau de la transformation.",
  'errors.forbidden.development_identity_refused':
    "L'identité de développement n'est pas acceptée ici. Connectez-vous avec votre compte de l'organisation.",
  'errors.unauthenticated': 'Veuillez vous connecter pour continuer.',
  'errors.consent_required':
    'Transformation Hub a besoin de votre autorisation pour lire votre profil Microsoft 365. Sélectionnez « Accorder l’accès » et réessayez.',
  'notices.write_queued':
    'Enregistré. SharePoint est occupé : cette modification sera synchronisée sous peu.',
  'errors.throttled': 'Trop de demandes pour le moment. Veuillez réessayer dans un instant.',
  'errors.unavailable': 'Le service est temporairement indisponible. Veuillez réessayer sous peu.',
  'errors.internal':
    "Une erreur s'est produite de notre côté. Veuillez réessayer ; si le problème persiste, indiquez la référence {correlationId}.",
  'errors.bad_json': "Le corps de la requête n'est pas un JSON valide.",
  'errors.route_not_found': "Cette adresse n'existe pas dans l'API.",
  'errors.method_not_allowed': "Cette adresse n'accepte pas cette méthode.",
  'errors.payload_too_large': 'La requête est trop volumineuse.',
  'errors.unsupported_media_type': 'Envoyez le corps de la requête en JSON (Content-Type: application/json).',
  'errors.precondition_required':
    'Indiquez la version que vous modifiez (en-tête If-Match ou champ « version »).',
  'entity.project': 'projet',
  'entity.status-update': 'point de situation',
  'entity.risk': 'risque',
  'entity.milestone': 'jalon',
  'entity.kpi': 'indicateur clé',
  'entity.measurement': 'mesure',
  'entity.person': 'personne',
  'entity.settings': 'paramètres',
  'validation.required': 'Ce champ est obligatoire.',
  'validation.too_small': 'Doit être au moins {minimum}.',
  'validation.too_small.string': 'Doit comporter au moins {minimum} caractères.',
  'validation.too_small.array': 'Choisissez-en au moins {minimum}.',
  'validation.too_big': 'Doit être au plus {maximum}.',
  'validation.too_big.string': 'Doit comporter au plus {maximum} caractères.',
  'validation.too_big.array': 'Choisissez-en au plus {maximum}.',
  'validation.invalid_type': "Cette valeur n'est pas du bon type.",
  'validation.invalid_value': 'Choisissez parmi : {allowed}.',
  'validation.invalid_format': "Cette valeur n'est pas au format attendu.",
  'validation.unrecognized_keys': 'Champs inconnus : {keys}.',
  'validation.unknown_person': "Cette personne n'est pas dans la liste du personnel.",
  'validation.unknown_project': 'Ce projet ne fait pas partie du portefeuille.',
  'validation.taken': 'Cette valeur est déjà utilisée.',
  'validation.self_dependency': 'Un projet ne peut pas dépendre de lui-même.',
  'validation.period_not_reportable':
    'Les points de situation peuvent être publiés pour la semaine en cours ({current}) ou les quatre semaines précédentes.',
  'validation.invalid': "Cette valeur n'est pas valide.",
  // Security edge (issue 12): rate limits, cross-site requests, request text.
  'errors.rate_limited': 'Vous avez envoyé trop de requêtes. Patientez {seconds} s puis réessayez.',
  'errors.origin_refused': 'Cette requête provient d’un autre site web et a été refusée.',
  'errors.invalid_encoding': 'Le corps de la requête n’est pas un texte UTF-8 valide.',
  'errors.idempotency_key_reused':
    'Cette clé Idempotency-Key a déjà servi pour un autre élément ({entity}). Utilisez une nouvelle clé pour une nouvelle requête.',
  'validation.invalid_characters':
    'Ce texte contient des caractères qui ne peuvent pas être enregistrés (caractères incomplets ou réservés).',
};
