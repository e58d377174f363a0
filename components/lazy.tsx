/**
 * A component whose module loads the first time one is rendered: for what not every opening of the
 * popup shows (a row's details, the first-run welcome, an empty list), so it stays out of the
 * popup's up-front JS. `fallback` stands in until the module is there; a load that failed is tried
 * again by the next one rendered (an extension updated while the popup was open).
 */
import { Component, type ComponentChild, type ComponentType } from 'preact';

export function lazy<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: (props: P) => ComponentChild = () => null,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<unknown> | null = null;

  return class Lazy extends Component<P> {
    private gone = false;

    componentDidMount() {
      if (loaded) return;
      loading ??= load().then(
        (component) => (loaded = component),
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
      loading.then(
        () => this.gone || this.forceUpdate(),
        () => undefined,
      );
    }

    componentWillUnmount() {
      this.gone = true;
    }

    render(props: P) {
      const Loaded = loaded;
      return Loaded ? <Loaded {...props} /> : fallback(props);
    }
  };
}
