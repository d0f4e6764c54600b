import { type ComponentType, lazy, Suspense } from 'react';
import { TextInput } from './controls';

/**
 * A form control whose code loads after the form's first render (ARR-11's form on a phone's slow
 * network), with antd's texts in the UI language: a disabled input stands in for the moment it
 * takes. Form.Item's value and onChange pass through to the control.
 */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Control = lazy(async () => {
    const [Component, { Localized }] = await Promise.all([load(), import('./Localized')]);
    return {
      default: (props: P) => (
        <Localized>
          <Component {...props} />
        </Localized>
      ),
    };
  });
  // biome-ignore lint/correctness/noComponentHookFactories: called once per control at module level, so the component keeps its identity.
  return function Deferred(props: P) {
    return (
      <Suspense fallback={<TextInput disabled />}>
        <Control {...props} />
      </Suspense>
    );
  };
}

/** Notices shown only when something needs saying (an unknown code, a refusal): loaded then. */
export const Alert = lazy(() => import('antd/es/alert'));
export const ProblemAlert = lazy(() =>
  import('../common/ProblemAlert').then((module) => ({ default: module.ProblemAlert })),
);
