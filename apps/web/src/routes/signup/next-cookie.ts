/** Where a sign-up started with `?next=` lands once its e-mailed link is followed in the same browser. */
export const SIGN_UP_NEXT_COOKIE = 'handoff_signup_next';
