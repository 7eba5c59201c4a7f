import { SELF_SERVICE_TEXTS } from '../../shared/self-service-schemas.ts';

/** "* Denotes a required field." under a form whose labels carry the asterisk. */
export function RequiredNote() {
  return <p className="required-note">{SELF_SERVICE_TEXTS.requiredNote}</p>;
}
