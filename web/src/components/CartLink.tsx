import { NavLink } from 'react-router-dom';
import { useCart } from '../cart/cartContext';

function CartIcon() {
  return (
    <svg className="cart-link__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d="M3 4h2.2l2.1 10.2a2 2 0 0 0 2 1.6h7.6a2 2 0 0 0 1.9-1.4L21 8H6.3"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <circle cx="10" cy="19.5" r="1.5" fill="currentColor" />
      <circle cx="17" cy="19.5" r="1.5" fill="currentColor" />
    </svg>
  );
}

export function CartLink() {
  const { count } = useCart();
  return (
    <NavLink
      to="/cart"
      className={({ isActive }) => `cart-link${isActive ? ' cart-link--active' : ''}`}
      data-testid="cart-link"
    >
      <CartIcon />
      <span className="cart-link__text">Cart</span>
      <span className={`cart-link__count${count ? '' : ' cart-link__count--empty'}`} data-testid="cart-count">
        {count}
      </span>
      <span className="visually-hidden">{count === 1 ? 'item' : 'items'}</span>
    </NavLink>
  );
}
