// Whether the user has moved within the app since the browser loaded the page: after an in-app
// navigation the page heading takes focus (a browser page load focuses the document itself).
let navigated = false;

export function hasNavigated(): boolean {
  return navigated;
}

export function markNavigated(): void {
  navigated = true;
}
