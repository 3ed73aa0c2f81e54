/**
 * A Lit reactive controller that re-renders its host whenever the app store changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getApp, type AppState } from './app.js';

/**
 * Subscribes `host` to the store for as long as it is connected.
 * @example
 * class X extends LitElement { state = new StoreController(this); render() { return this.state.value.seed; } }
 */
export class StoreController implements ReactiveController {
  private unsubscribe: (() => void) | null = null;
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  get value(): AppState {
    return getApp().store.get();
  }
  hostConnected() {
    this.unsubscribe = getApp().store.subscribe(() => this.host.requestUpdate());
    // the store may have changed while the host was out of the page: draw it as it is now
    this.host.requestUpdate();
  }
  hostDisconnected() {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}
